import type { Command } from 'commander';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('create the first administrator of a new installation (and nothing else)')
    .requiredOption('--email <email>', "the administrator's e-mail address")
    .requiredOption('--name <name>', "the administrator's name as colleagues know it")
    .action(async (options: { email: string; name: string }) => {
      const { createFirstAdministrator, loadConfig, openConfiguredDatabase } = await import('@veza/server');
      const config = loadConfig(process.env);
      const database = await openConfiguredDatabase(config);
      try {
        const created = await createFirstAdministrator(database, {
          email: options.email,
          displayName: options.name,
        });
        process.stdout.write(
          [
            `Created administrator ${created.email}.`,
            `One-time password: ${created.temporaryPassword}`,
            'Sign in with it, choose a new password and set up two-factor authentication.',
          ].join('\n') + '\n',
        );
      } finally {
        await database.close();
      }
    });
}
