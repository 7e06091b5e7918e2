import type { Command } from 'commander';

/**
 * `veza reminders`: the reminder sweeps the server runs hourly (referrals, and directory entries due
 * for their six-monthly confirmation), for cron or by hand.
 */
export function registerRemindersCommand(program: Command): void {
  program
    .command('reminders')
    .description(
      'send due reminders once (reflection period ending within 7 days, acknowledgement overdue, contact points not confirmed for six months)',
    )
    .action(async () => {
      const { loadConfig, openConfiguredDatabase } = await import('@veza/server');
      const { runReferralReminders } = await import('@veza/server/modules/referral');
      const { runDirectoryReminders } = await import('@veza/server/modules/directory');
      const config = loadConfig(process.env);
      const database = await openConfiguredDatabase(config);
      try {
        const run = await runReferralReminders(database.db, new Date());
        const directory = await database.db.transaction((tx) => runDirectoryReminders(tx, new Date()));
        process.stdout.write(
          `Reminders sent: ${run.reflectionEnding} reflection period(s) ending, ${run.acknowledgementOverdue} acknowledgement(s) overdue, ${directory.reminded} contact point(s) to confirm (${directory.overdue} overdue in all).\n`,
        );
      } finally {
        await database.close();
      }
    });
}
