import type { Command } from 'commander';
import { loadConfig, openConfiguredDatabase, verifyAuditChain } from '@veza/server';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check the hash chain of the whole audit log and name the first broken entry')
    .action(async () => {
      const config = loadConfig(process.env);
      const database = await openConfiguredDatabase(config);
      try {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          process.stdout.write(
            `Audit chain intact: ${result.checked} ${result.checked === 1 ? 'entry' : 'entries'} checked.\n`,
          );
        } else {
          process.stdout.write(
            `Audit chain BROKEN at entry ${result.firstBrokenSeq}: ${result.reason} (${result.checked} entries checked).\n`,
          );
          process.exitCode = 2;
        }
      } finally {
        await database.close();
      }
    });
}
