import type { Command } from 'commander';

/** `veza reminders`: the referral reminders sweep the server runs hourly, for cron or by hand. */
export function registerRemindersCommand(program: Command): void {
  program
    .command('reminders')
    .description(
      'send due referral reminders once (reflection period ending within 7 days, acknowledgement overdue)',
    )
    .action(async () => {
      const { loadConfig, openConfiguredDatabase } = await import('@veza/server');
      const { runReferralReminders } = await import('@veza/server/modules/referral');
      const config = loadConfig(process.env);
      const database = await openConfiguredDatabase(config);
      try {
        const run = await runReferralReminders(database.db, new Date());
        process.stdout.write(
          `Reminders sent: ${run.reflectionEnding} reflection period(s) ending, ${run.acknowledgementOverdue} acknowledgement(s) overdue.\n`,
        );
      } finally {
        await database.close();
      }
    });
}
