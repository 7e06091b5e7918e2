import { chmodSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { backupSocketPath, type Database } from '@veza/db';

export interface BackupSocket {
  path: string;
  close(): Promise<void>;
}

/**
 * While the server holds a PGlite data directory no other process may open it, so `veza backup` asks
 * the server for the dump: GET /pglite-dump on a Unix socket beside the directory, mode 0600. No TCP
 * port and no token: only the operating-system account that owns the data directory (and could copy
 * its files anyway) can connect, and nothing on the network can reach it. The dump is PGlite's
 * `dumpDataDir()`, taken between two queries, so it is as consistent as the directory after a crash.
 */
export async function startBackupSocket(
  dataDir: string,
  database: Database,
  log: { info(message: string): void; warn(message: string): void },
): Promise<BackupSocket | undefined> {
  const dump = database.dumpDataDir;
  if (!dump) return undefined;
  const path = backupSocketPath(dataDir);
  // We hold the directory's lock, so a socket file left here is from a process that is gone.
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/pglite-dump') {
      response.writeHead(404).end();
      return;
    }
    dump()
      .then((blob) => {
        log.info(`backup: handing out a dump of the data directory (${blob.size} bytes)`);
        response.writeHead(200, {
          'content-type': 'application/gzip',
          'content-length': String(blob.size),
        });
        Readable.fromWeb(blob.stream() as WebReadableStream).pipe(response);
      })
      .catch((error: unknown) => {
        log.warn(`backup: the dump failed: ${error instanceof Error ? error.message : String(error)}`);
        response.writeHead(500).end();
      });
  });
  // The socket is created with mode 0600 from the start (no moment where others could connect).
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // A path too long for a Unix socket, a read-only folder: the server runs, backups need it stopped.
    log.warn(
      `backup: no backup socket at ${path} (${(error as Error).message}); ` +
        '"veza backup" then needs the server stopped',
    );
    return undefined;
  } finally {
    process.umask(umask);
  }
  chmodSync(path, 0o600);
  return {
    path,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
