import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Command, CommanderError } from 'commander';
import { sql } from 'drizzle-orm';
import { appendAudit } from '@veza/server/testing';
import type { RequestContext } from '@veza/server/testing';
import { openTestDatabase, type TestDatabase } from '@veza/server/testing';
import { registerAuditCommands } from './audit.ts';

const ctx: RequestContext = {
  actor: {
    userId: '0190a6c2-1111-7000-8000-000000000002',
    email: 'dpo.mk@demo.veza.example',
    displayName: 'Elena Stojanovska',
    roles: ['dpo'],
    unitId: '0190a6c2-2222-7000-8000-000000000002',
    agencyId: '0190a6c2-3333-7000-8000-000000000002',
    jurisdiction: 'MK',
    language: 'mk',
  },
  sessionId: 'session-hash',
  ip: '192.0.2.20',
  userAgent: 'vitest',
  justifications: new Map(),
};

async function appendCaseViews(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await appendAudit(database.db, ctx, {
      operation: 'consultation',
      action: 'case.view',
      recordType: 'case',
      recordId: `case-${i}`,
      justification: 'Проверка на предметот КТО 31/26',
      outcome: 'allowed',
    });
  }
}

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await appendCaseViews(8);
});
afterAll(async () => {
  await database?.dispose();
});
afterEach(() => {
  // The action reports a broken chain through the exit code; leave none behind for the test runner.
  process.exitCode = undefined;
});

/** Runs `veza audit verify ...args` on the test database, as the command line would. */
async function veza(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const program = new Command('veza')
    .exitOverride()
    .configureOutput({ writeOut: (text) => stdout.push(text), writeErr: (text) => stderr.push(text) });
  registerAuditCommands(program, async () => ({ ...database, close: async () => {} }), {
    write: (text: string) => stdout.push(text),
  });
  let exitCode: number;
  try {
    await program.parseAsync(['audit', 'verify', ...args], { from: 'user' });
    exitCode = Number(process.exitCode ?? 0);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exitCode = error.exitCode;
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}

/** The anchor a check printed: `Anchor: SEQ:HASH`. */
function anchorIn(stdout: string): string {
  const anchor = /^Anchor: (\d+:[0-9a-f]{64})$/m.exec(stdout)?.[1];
  if (!anchor) throw new Error(`no anchor in:\n${stdout}`);
  return anchor;
}

describe('veza audit verify', () => {
  it('prints the intact line first, then the anchor to keep elsewhere', async () => {
    const run = await veza();
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Audit chain intact: 8 entries checked.');
    expect(anchorIn(run.stdout)).toMatch(/^8:/);
    expect(run.stdout).toContain('Keep this anchor where the database administrators cannot write');
  });

  it('confirms anchors that still hold', async () => {
    const anchor = anchorIn((await veza()).stdout);
    const run = await veza('--anchor', anchor, '--anchor', anchor.toUpperCase());
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Audit chain intact: 8 entries checked\.\nAnchors confirmed: 8\.\n/);
  });

  it('refuses a malformed anchor before reading the database', async () => {
    for (const anchor of ['8', '8:abc', 'eight:' + 'a'.repeat(64), '0:' + 'a'.repeat(64)]) {
      const run = await veza('--anchor', anchor);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain('An anchor is the entry number, a colon and the entry');
      expect(run.stdout).toBe('');
    }
  });

  it('exits 2 when entries were cut off after the anchor was taken, and when they were written again', async () => {
    const anchor = anchorIn((await veza()).stdout);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await tx.execute(sql`DELETE FROM audit_log WHERE seq > 5`);
      await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    });
    // The shortened chain alone still passes: only the anchor kept outside shows the cut.
    expect((await veza()).stdout).toMatch(/^Audit chain intact: 5 entries checked\./);
    const cut = await veza('--anchor', anchor);
    expect(cut.exitCode).toBe(2);
    expect(cut.stdout).toBe(
      'Audit chain BROKEN at entry 8: truncated (5 entries checked).\n' +
        `The chain ends at entry 5, but anchor ${anchor} was taken from it: the newest entries were cut off.\n`,
    );

    // New entries with correct links fill the gap: entry 8 exists again, with another hash.
    await appendCaseViews(3);
    expect((await veza()).stdout).toMatch(/^Audit chain intact: 8 entries checked\./);
    const rewritten = await veza('--anchor', anchor);
    expect(rewritten.exitCode).toBe(2);
    expect(rewritten.stdout).toMatch(
      /^Audit chain BROKEN at entry 8: anchor_mismatch \(8 entries checked\)\.\nEntry 8 no longer has the anchored hash/,
    );
  });
});
