import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, openDatabase } from '@veza/db';

let dataDir: string;
const bin = fileURLToPath(new URL('../../bin/veza.js', import.meta.url));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'veza-lock-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function veza(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, VEZA_DATA_DIR: dataDir, VEZA_ENV: 'demo' };
  delete env['DATABASE_URL'];
  return new Promise((resolve) => {
    execFile('node', [bin, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('one process per PGlite data directory', () => {
  it('refuses `veza audit verify` on a directory a running server holds, naming its pid and port', async () => {
    const server = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    server.announce?.({ port: 23817 });
    try {
      const second = await veza('audit', 'verify');
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(`pid ${process.pid}`);
      expect(second.stderr).toContain('port 23817');
      expect(second.stderr).toMatch(/in use by another Veza process/);
      expect(second.stdout).toBe('');
    } finally {
      await server.close();
    }
    // Once the server has stopped the directory opens again.
    const after = await veza('audit', 'verify');
    expect(after.stderr).not.toMatch(/in use by another Veza process/);
    expect(after.code).toBe(0);
  }, 240_000);

  it('takes over the lock of a process that died without releasing it (kill -9)', async () => {
    const gone = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    await writeFile(
      `${join(dataDir, 'pglite')}.lock`,
      JSON.stringify({ pid: deadPid, command: 'veza serve', startedAt: '2026-01-01T00:00:00Z' }),
    );
    const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    await database.close();
  });

  it('is a typed error a caller can recognise', () => {
    const error = new DataDirectoryLockedError('/srv/veza/pglite', {
      pid: 4242,
      command: 'veza serve',
      startedAt: '2026-12-07T10:00:00Z',
      port: 8080,
    });
    expect(error.message).toContain('pid 4242');
    expect(error.message).toContain('port 8080');
  });
});
