import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/** Who holds a PGlite data directory: written as JSON into `<dir>.lock`. */
export interface LockOwner {
  pid: number;
  command: string;
  startedAt: string;
  port?: number;
}

/** Opening refused: another live process holds the directory. The message names it. */
export class DataDirectoryLockedError extends Error {
  readonly owner: LockOwner;
  constructor(dataDir: string, owner: LockOwner) {
    const where = owner.port === undefined ? '' : `, serving on port ${owner.port}`;
    super(
      `The database directory ${dataDir} is in use by another Veza process ` +
        `(pid ${owner.pid}, "${owner.command}"${where}, since ${owner.startedAt}). ` +
        'PGlite is one process’s database and a second one would corrupt it: stop that process first, ' +
        'or use the running server (the audit chain is verified on its Audit page and by GET /api/audit/verify).',
    );
    this.name = 'DataDirectoryLockedError';
    this.owner = owner;
  }
}

export interface DirectoryLock {
  /** Adds what others should know, such as the port the server listens on. */
  annotate(extra: Pick<LockOwner, 'port'>): void;
  release(): void;
}

/**
 * Takes `<dataDir>.lock` with an exclusive create; a lock whose process is gone (a kill -9, a crash)
 * is taken over. The lock sits beside the directory, not in it, so PGlite's own files stay its own.
 */
export function lockDataDirectory(dataDir: string, command = currentCommand()): DirectoryLock {
  const file = `${dataDir}.lock`;
  const owner: LockOwner = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(file, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
      return heldLock(file, owner);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readOwner(file);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new DataDirectoryLockedError(dataDir, holder);
    }
    // Stale (its process is gone) or unreadable (a crash between create and write): take it over.
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`Could not lock ${dataDir}: ${file} keeps changing`);
}

function heldLock(file: string, owner: LockOwner): DirectoryLock {
  let held = true;
  const releaseOnExit = () => release();
  function release(): void {
    if (!held) return;
    held = false;
    process.off('exit', releaseOnExit);
    // Only our own lock: after a takeover by someone else the file is theirs.
    if (readOwner(file)?.pid === owner.pid) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone.
      }
    }
  }
  process.on('exit', releaseOnExit);
  return {
    annotate(extra) {
      if (!held) return;
      Object.assign(owner, extra);
      writeFileSync(file, JSON.stringify(owner), { mode: 0o600 });
    },
    release,
  };
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number') return undefined;
    return {
      pid: parsed.pid,
      command: typeof parsed.command === 'string' ? parsed.command : 'unknown',
      startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : 'unknown',
      ...(typeof parsed.port === 'number' ? { port: parsed.port } : {}),
    };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function currentCommand(): string {
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  return ['veza', ...args.slice(0, 2)].join(' ');
}

/** The live process holding `dataDir`, if any (a stale lock of a process that is gone is none). */
export function dataDirectoryHolder(dataDir: string): LockOwner | undefined {
  const holder = readOwner(`${dataDir}.lock`);
  return holder && holder.pid !== process.pid && isAlive(holder.pid) ? holder : undefined;
}

/**
 * The Unix socket beside a PGlite data directory on which the server holding it hands out a backup
 * dump (`veza backup` while the server runs). Mode 0600: only the operating-system account that owns
 * the data directory, which could read its files anyway, can connect.
 */
export function backupSocketPath(dataDir: string): string {
  return `${dataDir}.backup.sock`;
}
