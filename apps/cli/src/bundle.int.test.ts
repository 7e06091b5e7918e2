import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let outdir = '';

function run(args: string[], input: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`exit ${code}: ${stderr}`)),
    );
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'veza-bundle-'));
  await promisify(execFile)(process.execPath, ['scripts/build-cli.mjs', '--outdir', outdir], { cwd: root });
});

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('the compiled veza command', () => {
  const input = 'Петровић Марко\tMarko Petrovic\nPetrović Marko\tPetković Marko\n';

  it('compares names like the sources run through tsx', async () => {
    const bundled = await run([join(outdir, 'veza.mjs'), 'names', 'compare'], input);
    const fromSources = await run(['apps/cli/bin/veza.js', 'names', 'compare'], input, {
      VEZA_CLI_FROM_SOURCES: '1',
    });
    expect(bundled).toBe(fromSources);
    const decisions = bundled
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[1]);
    expect(decisions).toEqual(['1', '0']);
  });

  it('lists every command in its help', async () => {
    const help = await run([join(outdir, 'veza.mjs'), '--help'], '');
    for (const command of [
      'serve',
      'init',
      'demo',
      'audit',
      'names',
      'xref',
      'import',
      'export',
      'reminders',
    ])
      expect(help).toContain(command);
  });
});
