import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backupSocketPath, openDatabase } from '@veza/db';
import { loadConfig, seedDemo, startServer, type StartedServer } from '@veza/server';
import { createMigratedDatabase } from '@veza/server/testing';
import { openBackupFile, writeBackupFile } from '../backup-file.ts';

const bin = fileURLToPath(new URL('../../bin/veza.js', import.meta.url));
const KEY = randomBytes(32).toString('hex');
const serverUrl = process.env['TEST_DATABASE_URL'];

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'veza-backup-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs the real `veza` command with `env` as its whole database configuration. */
function veza(env: Record<string, string | undefined>, ...args: string[]) {
  const full: NodeJS.ProcessEnv = { ...process.env, VEZA_ENV: 'demo', VEZA_BACKUP_KEY: KEY };
  delete full['DATABASE_URL'];
  delete full['VEZA_DATA_DIR'];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete full[name];
    else full[name] = value;
  }
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('node', [bin, ...args], { env: full }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The same file with one byte of the encrypted payload flipped. */
async function flipped(file: string): Promise<string> {
  const bytes = await readFile(file);
  bytes[bytes.length - 4096]! ^= 0x20;
  const out = `${file}.flipped`;
  await writeFile(out, bytes);
  return out;
}

function expectCheckPassed(run: { code: number; stdout: string; stderr: string }) {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(
    /^Row counts match the backup: \d+ tables, \d+ rows; \d+ migrations, as in the backup\.$/m,
  );
  expect(run.stdout).toMatch(
    /^Audit chain intact: [1-9]\d* entries checked, anchor \d+:[0-9a-f]{64} from the backup confirmed\.$/m,
  );
  expect(run.stdout).toMatch(/Restore check passed\.\n$/);
}

describe.skipIf(Boolean(serverUrl))('veza backup and restore on PGlite', () => {
  let server: StartedServer | undefined;
  const source = () => join(work, 'source');
  beforeAll(async () => {
    process.env['LOG_LEVEL'] ??= 'silent';
    // A real server with the demo data: the backup must be taken while it holds the directory.
    server = await startServer(
      loadConfig({ VEZA_DATA_DIR: source(), VEZA_ENV: 'demo', PORT: '0', HOST: '127.0.0.1' }),
    );
  }, 240_000);
  afterAll(async () => {
    await server?.close();
  });

  it('backs up the database of the running server through its private socket, and restores it into an empty directory', async () => {
    expect(statSync(backupSocketPath(join(source(), 'pglite'))).mode & 0o777).toBe(0o600);
    const file = join(work, 'running.backup');
    const backup = await veza({ VEZA_DATA_DIR: source() }, 'backup', '--out', file);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written to .*running\.backup \(pglite, \d+ bytes\): \d+ tables/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const restored = await veza({ VEZA_DATA_DIR: join(work, 'restored') }, 'restore', file);
    expectCheckPassed(restored);

    // Into a directory that is not empty (the one just restored): refused, nothing changed.
    const again = await veza({ VEZA_DATA_DIR: join(work, 'restored') }, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty\. A restore goes only into an empty directory/);
    expect(again.stdout).toBe('');
  }, 240_000);

  it('refuses a changed file, a wrong key and a missing key; a restore that differs from its header exits 2', async () => {
    await server?.close();
    server = undefined;
    // With the server stopped the command opens the directory itself.
    const file = join(work, 'stopped.backup');
    expect((await veza({ VEZA_DATA_DIR: source() }, 'backup', '--out', file)).code).toBe(0);

    const target = join(work, 'never');
    const tampered = await veza({ VEZA_DATA_DIR: target }, 'restore', await flipped(file));
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/file was changed or damaged since\. Nothing was restored\./);
    const wrongKey = await veza(
      { VEZA_DATA_DIR: target, VEZA_BACKUP_KEY: randomBytes(32).toString('hex') },
      'restore',
      file,
    );
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/not the key it was made with/);
    expect(existsSync(join(target, 'pglite', 'PG_VERSION'))).toBe(false);

    const noKey = await veza(
      { VEZA_DATA_DIR: source(), VEZA_BACKUP_KEY: undefined },
      'backup',
      '--out',
      join(work, 'nokey.backup'),
    );
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/VEZA_BACKUP_KEY is not set/);
    const shortKey = await veza(
      { VEZA_DATA_DIR: source(), VEZA_BACKUP_KEY: 'abc123' },
      'backup',
      '--out',
      join(work, 'nokey.backup'),
    );
    expect(shortKey.stderr).toMatch(/must be 64 hex characters/);
    expect(existsSync(join(work, 'nokey.backup'))).toBe(false);

    // A genuine file (right key) whose header promised another row count and a later audit entry than
    // what it holds: the restore check reports both and exits 2.
    const backup = await openBackupFile(file, Buffer.from(KEY, 'hex'));
    const anchor = backup.header.auditAnchor!;
    const lying = join(work, 'lying.backup');
    await writeBackupFile(
      lying,
      Buffer.from(KEY, 'hex'),
      {
        ...backup.header,
        counts: { ...backup.header.counts, audit_log: backup.header.counts['audit_log']! + 1 },
        auditAnchor: { seq: anchor.seq + 1, hash: anchor.hash },
      },
      backup.payload(),
    );
    const check = await veza({ VEZA_DATA_DIR: join(work, 'restored-3') }, 'restore', lying);
    expect(check.code).toBe(2);
    // Exactly the one difference planted: the rest of this backup (made by the command itself, with
    // the server stopped) restored as its header says.
    expect(check.stdout).toContain(
      'The restored database DIFFERS from the backup:\n' +
        `  table audit_log has ${anchor.seq} rows, the backup had ${anchor.seq + 1}\n` +
        'Audit chain BROKEN',
    );
    expect(check.stdout).toContain(`Audit chain BROKEN at entry ${anchor.seq + 1}: truncated`);
    expect(check.stdout).toMatch(/Restore check FAILED\.\n$/);
  }, 240_000);
});

describe.runIf(Boolean(serverUrl))('veza backup and restore on PostgreSQL', () => {
  const drops: Array<() => Promise<void>> = [];
  let sourceUrl: string;
  /** A new database with nothing in it, dropped after the file. */
  async function emptyDatabase(): Promise<string> {
    const name = `veza_restore_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ url: serverUrl!, poolSize: 1 });
    try {
      await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
    } finally {
      await admin.close();
    }
    drops.push(async () => {
      const again = await openDatabase({ url: serverUrl!, poolSize: 1 });
      await again.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await again.close();
    });
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  }
  beforeAll(async () => {
    const copy = await createMigratedDatabase(serverUrl!, 'veza_bk');
    drops.push(copy.drop);
    sourceUrl = copy.url;
    const database = await openDatabase({ url: sourceUrl, poolSize: 2 });
    try {
      await seedDemo(database, { secretKey: randomBytes(32) });
    } finally {
      await database.close();
    }
  }, 240_000);
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('dumps with pg_dump, restores into an empty database only, and refuses a changed file or a wrong key', async () => {
    const file = join(work, 'pg.backup');
    const backup = await veza({ DATABASE_URL: sourceUrl }, 'backup', '--out', file);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^Backup written to .* \(postgresql, \d+ bytes\)/);

    const target = await emptyDatabase();
    const tampered = await veza({ DATABASE_URL: target }, 'restore', await flipped(file));
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/changed or damaged since\. Nothing was restored\./);
    const wrongKey = await veza({ DATABASE_URL: target, VEZA_BACKUP_KEY: 'ff'.repeat(32) }, 'restore', file);
    expect(wrongKey.stderr).toMatch(/not the key it was made with/);

    expectCheckPassed(await veza({ DATABASE_URL: target }, 'restore', file));

    const notEmpty = await veza({ DATABASE_URL: sourceUrl }, 'restore', file);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/is not empty \(it has \d+ tables in public\)/);

    const noKey = await veza(
      { DATABASE_URL: sourceUrl, VEZA_BACKUP_KEY: undefined },
      'backup',
      '--out',
      join(work, 'pg-nokey.backup'),
    );
    expect(noKey.stderr).toMatch(/VEZA_BACKUP_KEY is not set/);
    expect(existsSync(join(work, 'pg-nokey.backup'))).toBe(false);
  }, 240_000);
});
