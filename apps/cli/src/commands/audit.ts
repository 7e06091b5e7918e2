import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import type { Database } from '@veza/db';
import type { AuditAnchor } from '@veza/server';
import type { Output } from './ftm.ts';

/** Exit code of a broken chain or a failed anchor: scripts tell it from a command that could not run (1). */
const BROKEN = 2;

/** `--anchor SEQ:HASH`, repeatable: the entry number and its SHA-256 as `veza audit verify` printed them. */
export function collectAnchor(value: string, previous: AuditAnchor[] = []): AuditAnchor[] {
  const match = /^(\d+):([0-9a-f]{64})$/i.exec(value.trim());
  const seq = Number(match?.[1]);
  if (!match?.[2] || !Number.isSafeInteger(seq) || seq < 1) {
    throw new InvalidArgumentError(
      'An anchor is the entry number, a colon and the entry\'s 64-character hash, as printed by "veza audit verify" (e.g. 1042:9f86d0…).',
    );
  }
  return [...previous, { seq, hash: match[2].toLowerCase() }];
}

/**
 * `veza audit verify [--anchor SEQ:HASH ...]`: the first lines are the ones scripts read ("Audit chain
 * intact: ..." or "Audit chain BROKEN at entry ..."); an explanation follows. Returns the exit code.
 */
export async function verifyAuditTrailCommand(
  database: Database,
  anchors: readonly AuditAnchor[],
  stdout: Output,
): Promise<number> {
  const { verifyAuditChain } = await import('@veza/server');
  const result = await verifyAuditChain(database.db, { anchors });
  if (!result.ok) {
    stdout.write(
      `Audit chain BROKEN at entry ${result.firstBrokenSeq}: ${result.reason} (${result.checked} entries checked).\n`,
    );
    const anchor = anchors.find((a) => a.seq === result.firstBrokenSeq);
    if (result.reason === 'truncated' && anchor) {
      const end = result.last ? `ends at entry ${result.last.seq}` : 'is empty';
      stdout.write(
        `The chain ${end}, but anchor ${anchor.seq}:${anchor.hash} was taken from it: the newest entries were cut off.\n`,
      );
    } else if (result.reason === 'anchor_mismatch' && anchor) {
      stdout.write(
        `Entry ${anchor.seq} no longer has the anchored hash ${anchor.hash}: it was rewritten, and the entries chained after it with it.\n`,
      );
    }
    return BROKEN;
  }
  stdout.write(
    `Audit chain intact: ${result.checked} ${result.checked === 1 ? 'entry' : 'entries'} checked.\n`,
  );
  if (anchors.length > 0) {
    stdout.write(`Anchors confirmed: ${[...new Set(anchors.map((a) => a.seq))].join(', ')}.\n`);
  }
  if (result.last) {
    stdout.write(`Anchor: ${result.last.seq}:${result.last.hash}\n`);
    stdout.write(
      'Keep this anchor where the database administrators cannot write (the operations log, a printed register, ' +
        'another system) and pass it with --anchor at the next check: cut-off or rewritten entries then show.\n',
    );
  }
  return 0;
}

async function openConfiguredDatabaseLazily(): Promise<Database> {
  const { loadConfig, openConfiguredDatabase } = await import('@veza/server');
  return openConfiguredDatabase(loadConfig(process.env));
}

export function registerAuditCommands(
  program: Command,
  openDatabase: () => Promise<Database> = openConfiguredDatabaseLazily,
  stdout: Output = process.stdout,
): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description(
      'check the hash chain of the whole audit log and name the first broken entry; prints an anchor to keep outside the database',
    )
    .option(
      '--anchor <seq:hash>',
      'an anchor printed by an earlier check: that entry must still be in the chain with that hash (repeatable)',
      collectAnchor,
    )
    .action(async (options: { anchor?: AuditAnchor[] }) => {
      const database = await openDatabase();
      try {
        const code = await verifyAuditTrailCommand(database, options.anchor ?? [], stdout);
        if (code !== 0) process.exitCode = code;
      } finally {
        await database.close();
      }
    });
}
