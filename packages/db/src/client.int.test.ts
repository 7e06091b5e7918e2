import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, users, type Database } from './index.ts';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('a PostgreSQL connection ended by the server', () => {
  let database: Database | undefined;
  const name = `veza_t_pool_${Date.now().toString(36)}`;
  const scratchUrl = (): string => {
    const u = new URL(url as string);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const onServer = async (sql: string): Promise<void> => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(sql);
    await admin.end();
  };
  afterAll(async () => {
    await database?.close();
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('does not stop the app server, and the next query gets a fresh connection', async () => {
    await onServer(`CREATE DATABASE ${name}`);
    database = await openDatabase({ url: scratchUrl(), poolSize: 2 });
    await database.migrate();
    const warnings: string[] = [];
    let onWarning: (w: Error) => void = () => {};
    // Resolves when the pool reports the ended connection; if it never does, the test times out.
    const reported = new Promise<void>((resolve) => {
      onWarning = (w: Error) => {
        warnings.push(w.message);
        if (w.message.includes('PostgreSQL closed an idle connection')) resolve();
      };
    });
    process.on('warning', onWarning);
    // What a PostgreSQL restart or an administrator does to the pool's idle connections.
    await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    await reported;
    process.off('warning', onWarning);
    expect(warnings.some((w) => w.includes('PostgreSQL closed an idle connection'))).toBe(true);
    await expect(database.db.select().from(users).limit(1)).resolves.toEqual(expect.any(Array));
  });
});
