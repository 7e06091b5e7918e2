import type { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the API (demo data on first start unless VEZA_ENV=production)')
    .action(async () => {
      const { loadConfig, startServer } = await import('@veza/server');
      const config = loadConfig(process.env);
      const started = await startServer(config);
      const lines = [`Veza is running at ${started.url} (database: ${started.databaseKind})`];
      if (started.demo) {
        lines.push(
          '',
          'Demo mode: these accounts exist only in demo mode (VEZA_ENV=production turns it off).',
        );
        lines.push(`Password for every demo account: ${started.demo.password}`);
        for (const account of started.demo.accounts) {
          lines.push(`  ${account.email.padEnd(40)} ${account.description}`);
        }
      }
      process.stdout.write(lines.join('\n') + '\n');
      const stop = async () => {
        await started.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
