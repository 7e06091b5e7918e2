import { Command, Option } from 'commander';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerDemoCommands } from './commands/demo.ts';
import { registerExchangeCommands } from './commands/exchange.ts';
import { registerInitCommand } from './commands/init.ts';
import { registerFtmCommands } from './commands/ftm.ts';
import { registerMatchingCommands } from './commands/matching.ts';
import { registerRemindersCommand } from './commands/reminders.ts';
import { registerServeCommand } from './commands/serve.ts';

const program = new Command('veza')
  .description(
    'Veza administration: serve the app, set up, demo data, audit verification, backup and restore, matching, case import and export',
  )
  .showHelpAfterError()
  .addOption(new Option('--quiet', 'print only results').default(false));

registerServeCommand(program);
registerInitCommand(program);
registerDemoCommands(program);
registerAuditCommands(program);
registerMatchingCommands(program);
registerFtmCommands(program);
registerExchangeCommands(program);
registerRemindersCommand(program);
registerBackupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`veza: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
