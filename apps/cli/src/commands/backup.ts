import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import {
  backupSocketPath,
  dataDirectoryHolder,
  exportSnapshot,
  MIGRATIONS_FOLDER,
  openDatabase,
  type Db,
} from '@veza/db';
import {
  BackupError,
  openBackupFile,
  parseBackupKey,
  writeBackupFile,
  type BackupHeader,
} from '../backup-file.ts';
import type { Output } from './ftm.ts';

/** Exit code of a restore whose check failed (counts or audit chain): told apart from "could not run" (1). */
const CHECK_FAILED = 2;

type Target = { kind: 'postgresql'; url: string } | { kind: 'pglite'; dir: string };

/** The configured database, read as `veza serve` reads it (DATABASE_URL, else VEZA_DATA_DIR/pglite). */
export function configuredTarget(env: NodeJS.ProcessEnv): Target {
  const url = env['DATABASE_URL'];
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new BackupError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
    }
    return { kind: 'postgresql', url };
  }
  return { kind: 'pglite', dir: join(resolve(env['VEZA_DATA_DIR'] || './data'), 'pglite') };
}

/** Rows in every table of the application ("drizzle.__drizzle_migrations" for drizzle's own). */
export async function countTables(db: Db): Promise<Record<string, number>> {
  const tables = (await db.execute(
    sql`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'drizzle')
        ORDER BY table_schema, table_name`,
  )) as unknown as { rows: Array<{ schema: string; name: string }> };
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables.rows) {
    const quoted = `"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`;
    const result = (await db.execute(sql.raw(`SELECT count(*)::text AS n FROM ${quoted}`))) as unknown as {
      rows: Array<{ n: string }>;
    };
    counts[schema === 'public' ? name : `${schema}.${name}`] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** Tags of the migrations applied, oldest first (drizzle records each by its journal time). */
async function appliedMigrations(db: Db): Promise<string[]> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string; when: number }>;
  };
  const result = (await db.execute(
    sql`SELECT created_at::text AS at FROM drizzle.__drizzle_migrations ORDER BY created_at`,
  )) as unknown as { rows: Array<{ at: string }> };
  return result.rows.map(
    ({ at }) => journal.entries.find((entry) => entry.when === Number(at))?.tag ?? `unknown-${at}`,
  );
}

async function describe(db: Db, engine: BackupHeader['engine'], stderr: Output): Promise<BackupHeader> {
  const { verifyAuditChain } = await import('@veza/server');
  const chain = await verifyAuditChain(db);
  if (!chain.ok) {
    stderr.write(
      `Warning: the audit chain is BROKEN at entry ${chain.firstBrokenSeq} (${chain.reason}) in the database ` +
        'being backed up. The backup is made anyway; its restore check will report the same break.\n',
    );
  }
  return {
    engine,
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrations(db),
    counts: await countTables(db),
    auditAnchor: chain.last,
  };
}

/** PGlite's dump: from the running server over its backup socket, or by opening the directory. */
async function pgliteDump(dir: string): Promise<Blob> {
  const holder = dataDirectoryHolder(dir);
  if (!holder) {
    const database = await openDatabase({ dataDir: dir });
    try {
      return await database.dumpDataDir!();
    } finally {
      await database.close();
    }
  }
  const socketPath = backupSocketPath(dir);
  return new Promise<Blob>((resolvePromise, reject) => {
    const req = request({ socketPath, path: '/pglite-dump', method: 'GET' }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(
          new BackupError(`The running server (pid ${holder.pid}) could not make the dump; see its log.`),
        );
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (!response.complete) reject(new BackupError('The running server stopped during the dump.'));
        else resolvePromise(new Blob(chunks));
      });
      response.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          `The database directory ${dir} is held by a running Veza process (pid ${holder.pid}, "${holder.command}"), ` +
            `and its backup socket ${socketPath} does not answer (${error.code ?? error.message}). ` +
            'Only "veza serve" offers one; stop the other process, or run this as the user the server runs as.',
        ),
      ),
    );
    req.end();
  });
}

export async function backupCommand(out: string, env: NodeJS.ProcessEnv, stdout: Output, stderr: Output) {
  const key = parseBackupKey(env['VEZA_BACKUP_KEY']);
  const target = configuredTarget(env);
  if (await stat(out).catch(() => undefined)) {
    throw new BackupError(`${out} exists already; a backup never overwrites a file. Choose another name.`);
  }
  let header: BackupHeader;
  let bytes: number;
  if (target.kind === 'pglite') {
    const dump = await pgliteDump(target.dir);
    // The figures come from the dump itself, loaded into memory: they describe exactly what is in the
    // file, and a dump PGlite could not open is found now, not on the day of the restore.
    const copy = await openDatabase({ dataDir: 'memory://', loadDataDir: dump });
    try {
      header = await describe(copy.db, 'pglite', stderr);
    } finally {
      await copy.close();
    }
    ({ bytes } = await writeBackupFile(
      out,
      key,
      header,
      Readable.fromWeb(dump.stream() as WebReadableStream),
    ));
  } else {
    const snapshot = await exportSnapshot(target.url);
    try {
      header = await describe(snapshot.db, 'postgresql', stderr);
      const dump = runPgTool('pg_dump', ['--format=custom', `--snapshot=${snapshot.snapshotId}`], target.url);
      // pg_dump's exit status is awaited inside the payload: a failed dump leaves no file.
      const payload = async function* () {
        yield* dump.stdout as AsyncIterable<Buffer>;
        await dump.done;
      };
      try {
        ({ bytes } = await writeBackupFile(out, key, header, payload()));
      } catch (error) {
        // Not left running (and keeping this process alive) when the file could not be written.
        dump.child.kill('SIGKILL');
        await dump.done.catch(() => undefined);
        throw error;
      }
    } finally {
      await snapshot.close();
    }
  }
  const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
  stdout.write(
    `Backup written to ${out} (${header.engine}, ${bytes} bytes): ${Object.keys(header.counts).length} tables, ` +
      `${rows} rows, ${header.migrations.length} migrations, audit anchor ${anchorText(header)}.\n`,
  );
  stdout.write(
    'Keep VEZA_BACKUP_KEY, and VEZA_SECRET_KEY (without it the sealed identities in a restore cannot be read), ' +
      'outside this machine and apart from the backup files.\n',
  );
}

function anchorText(header: BackupHeader): string {
  return header.auditAnchor ? `${header.auditAnchor.seq}:${header.auditAnchor.hash}` : 'none (empty trail)';
}

/**
 * Runs pg_dump or pg_restore against `url`. The password travels in PGPASSWORD, not on the command
 * line where other users of the machine could read it.
 */
function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const child = spawn(tool, [...args, `--dbname=${parsed.toString()}`], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const errors: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const done = new Promise<void>((resolvePromise, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? `${tool} was not found; install the PostgreSQL client tools (Debian: postgresql-client).`
            : `${tool} could not start: ${error.message}`,
        ),
      ),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else {
        const detail = Buffer.concat(errors).toString('utf8').trim();
        reject(
          new BackupError(`${tool} failed (${signal ?? `exit code ${code}`})${detail ? `: ${detail}` : ''}`),
        );
      }
    });
  });
  return { child, stdout: child.stdout, stdin: child.stdin, done };
}

async function isEmptyDirectory(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

export async function restoreCommand(file: string, env: NodeJS.ProcessEnv, stdout: Output): Promise<number> {
  const key = parseBackupKey(env['VEZA_BACKUP_KEY']);
  const target = configuredTarget(env);
  const backup = await openBackupFile(file, key);
  const { header } = backup;
  if (header.engine !== target.kind) {
    const names = { pglite: 'PGlite (VEZA_DATA_DIR)', postgresql: 'PostgreSQL (DATABASE_URL)' };
    throw new BackupError(
      `This backup is of a ${names[header.engine]} database; the configured database is ${names[target.kind]}. ` +
        'Restore it into the same kind. Nothing was restored.',
    );
  }
  if (target.kind === 'pglite') {
    if (!(await isEmptyDirectory(target.dir))) {
      throw new BackupError(
        `The database directory ${target.dir} is not empty. A restore goes only into an empty directory, ` +
          'so that nothing is overwritten: set VEZA_DATA_DIR to a new folder. Nothing was restored.',
      );
    }
    // Decrypted in memory and loaded only once the tag has proved the key and the file.
    const chunks: Buffer[] = [];
    for await (const chunk of backup.payload()) chunks.push(chunk);
    const database = await openDatabase({ dataDir: target.dir, loadDataDir: new Blob(chunks) });
    chunks.length = 0;
    try {
      return await restoreCheck(database.db, header, stdout);
    } finally {
      await database.close();
    }
  }
  const database = await openDatabase({ url: target.url, poolSize: 1 });
  try {
    const tables = (await database.db.execute(
      sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    )) as unknown as { rows: Array<{ n: number }> };
    if (Number(tables.rows[0]?.n) > 0) {
      throw new BackupError(
        `The database of DATABASE_URL is not empty (it has ${tables.rows[0]?.n} tables in public). A restore goes ` +
          'only into an empty database, so that nothing is overwritten: create a new one (createdb) and point ' +
          'DATABASE_URL at it. Nothing was restored.',
      );
    }
    // First pass: the whole file is authenticated before pg_restore sees a byte of it.
    for await (const chunk of backup.payload()) void chunk;
    // Second pass: into pg_restore, in one transaction that commits only if the tag holds again.
    const restore = runPgTool(
      'pg_restore',
      ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error'],
      target.url,
    );
    restore.stdin.on('error', () => undefined);
    // pg_restore may stop (an error) instead of reading on: then its error, not a wait forever.
    const endedEarly = restore.done.then(() => {
      throw new BackupError('pg_restore ended before it had read the whole backup.');
    });
    endedEarly.catch(() => undefined);
    try {
      for await (const chunk of backup.payload()) {
        if (!restore.stdin.write(chunk)) {
          await Promise.race([
            new Promise<void>((resolveDrain) => restore.stdin.once('drain', resolveDrain)),
            endedEarly,
          ]);
        }
      }
    } catch (error) {
      restore.child.kill('SIGKILL');
      await restore.done.catch(() => undefined);
      throw error;
    }
    restore.stdin.end();
    await restore.done.catch((error: Error) => {
      throw new BackupError(`${error.message}\nNothing was restored: pg_restore ran in one transaction.`);
    });
    return await restoreCheck(database.db, header, stdout);
  } finally {
    await database.close();
  }
}

/** Counts every table and verifies the audit chain against the anchor of the header. */
async function restoreCheck(db: Db, header: BackupHeader, stdout: Output): Promise<number> {
  const { verifyAuditChain } = await import('@veza/server');
  const counts = await countTables(db);
  const problems: string[] = [];
  const migrations = await appliedMigrations(db);
  if (migrations.join(',') !== header.migrations.join(',')) {
    problems.push(
      `migrations applied: ${migrations.length}, the backup had ${header.migrations.length} (${header.migrations.at(-1) ?? 'none'})`,
    );
  }
  for (const name of new Set([...Object.keys(header.counts), ...Object.keys(counts)])) {
    const expected = header.counts[name];
    const found = counts[name];
    if (expected === undefined) problems.push(`table ${name} is not in the backup's header`);
    else if (found === undefined) problems.push(`table ${name} is missing (the backup had ${expected} rows)`);
    else if (found !== expected) problems.push(`table ${name} has ${found} rows, the backup had ${expected}`);
  }
  const tables = Object.keys(header.counts).length;
  const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
  stdout.write(`Restored a ${header.engine} backup taken ${header.createdAt}.\n`);
  if (problems.length === 0) {
    stdout.write(
      `Row counts match the backup: ${tables} tables, ${rows} rows; ${migrations.length} migrations, as in the backup.\n`,
    );
  } else {
    stdout.write(
      `The restored database DIFFERS from the backup:\n${problems.map((p) => `  ${p}\n`).join('')}`,
    );
  }
  const chain = await verifyAuditChain(db, { anchors: header.auditAnchor ? [header.auditAnchor] : [] });
  let chainOk = chain.ok;
  if (!chain.ok) {
    stdout.write(
      `Audit chain BROKEN at entry ${chain.firstBrokenSeq}: ${chain.reason} (${chain.checked} entries checked).\n`,
    );
  } else if (!header.auditAnchor && chain.checked > 0) {
    chainOk = false;
    stdout.write(`Audit chain has ${chain.checked} entries, but the backup's trail was empty.\n`);
  } else {
    stdout.write(
      `Audit chain intact: ${chain.checked} entries checked` +
        (header.auditAnchor ? `, anchor ${anchorText(header)} from the backup confirmed.\n` : '.\n'),
    );
  }
  const ok = problems.length === 0 && chainOk;
  stdout.write(ok ? 'Restore check passed.\n' : 'Restore check FAILED.\n');
  return ok ? 0 : CHECK_FAILED;
}

export function registerBackupCommands(
  program: Command,
  env: NodeJS.ProcessEnv = process.env,
  stdout: Output = process.stdout,
  stderr: Output = process.stderr,
): void {
  program
    .command('backup')
    .description(
      'write an encrypted backup of the configured database (key: VEZA_BACKUP_KEY, 64 hex characters)',
    )
    .requiredOption('--out <file>', 'the backup file to write (never overwritten)')
    .action(async (options: { out: string }) => {
      await backupCommand(options.out, env, stdout, stderr);
    });
  program
    .command('restore')
    .description(
      'restore an encrypted backup into an EMPTY data directory or database, then check row counts and the audit chain',
    )
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      const code = await restoreCommand(file, env, stdout);
      if (code !== 0) process.exitCode = code;
    });
}
