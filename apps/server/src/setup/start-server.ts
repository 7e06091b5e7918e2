import type { FastifyInstance } from 'fastify';
import { openDatabase } from '@veza/db';
import type { Database, DatabaseKind } from '@veza/db';
import { buildApp } from '../app.ts';
import { serverModules } from '../modules.ts';
import type { Config } from '../platform/config.ts';
import { startBackupSocket } from '../platform/backup/backup-socket.ts';
import { startMaintenanceTimer } from './maintenance.ts';
import { seedDemo, type SeedDemoResult } from './seed-demo.ts';
import { countUsers, upsertJurisdictions } from './setup.repository.ts';

/** Opens the configured database (PostgreSQL or the embedded PGlite), migrated, with the seven jurisdictions and the screening library. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.pgliteDir },
  );
  try {
    await database.migrate();
    await upsertJurisdictions(database.db);
    for (const module of serverModules()) await module.prepare?.(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export interface StartedServer {
  app: FastifyInstance;
  url: string;
  database: Database;
  databaseKind: DatabaseKind;
  /** Present when this start loaded the demo scenario: the accounts and their shared password. */
  demo?: { password: string; generatedPassword: boolean; accounts: SeedDemoResult['accounts'] };
  demoAccounts?: SeedDemoResult['accounts'];
  demoPassword?: string;
  close(): Promise<void>;
}

/** Everything `veza serve` does: open and migrate, seed demo data on a first demo start, listen. */
export async function startServer(
  config: Config,
  options: { webRoot?: string } = {},
): Promise<StartedServer> {
  const database = await openConfiguredDatabase(config);
  let seeded: SeedDemoResult | undefined;
  if (config.env === 'demo' && (await countUsers(database.db)) === 0) {
    seeded = await seedDemo(database, { password: config.demoPassword, secretKey: config.secretKey });
  }
  const app = await buildApp({
    database,
    config,
    logger: { level: process.env['LOG_LEVEL'] ?? 'info' },
    ...(options.webRoot !== undefined ? { webRoot: options.webRoot } : {}),
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  database.announce?.({ port });
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // The modules' background work (the referral module's reminders ...), each failure logged.
  const timers = serverModules().flatMap((module) =>
    (module.timers ?? []).map((start) =>
      start(database.db, (error) => app.log.error(error, `${module.name}: background work failed`)),
    ),
  );
  // PGlite has no autovacuum: the server vacuums it every six hours.
  const maintenance = startMaintenanceTimer(database, (error) =>
    app.log.error(error, 'database maintenance failed'),
  );
  // `veza backup` while this server holds the PGlite directory (PostgreSQL is backed up with pg_dump).
  const backupSocket = config.databaseUrl
    ? undefined
    : await startBackupSocket(config.pgliteDir, database, {
        info: (message) => app.log.info(message),
        warn: (message) => app.log.warn(message),
      });
  const started: StartedServer = {
    app,
    url: `http://${host}:${port}`,
    database,
    databaseKind: database.kind,
    close: async () => {
      for (const timer of timers) await timer.stop();
      await maintenance.stop();
      await backupSocket?.close();
      await app.close();
      await database.close();
    },
  };
  if (seeded) {
    started.demo = {
      password: seeded.password,
      generatedPassword: seeded.generatedPassword,
      accounts: seeded.accounts,
    };
    started.demoAccounts = seeded.accounts;
    started.demoPassword = seeded.password;
  }
  return started;
}
