import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  MAGIC,
  openBackupFile,
  parseBackupKey,
  writeBackupFile,
  type BackupHeader,
} from './backup-file.ts';

const key = parseBackupKey('7f'.repeat(32));
const otherKey = parseBackupKey('a1'.repeat(32));
const header: BackupHeader = {
  engine: 'pglite',
  createdAt: '2026-12-07T15:00:00.000Z',
  migrations: ['0000_first', '0001_second'],
  counts: { cases: 3, audit_log: 12, 'drizzle.__drizzle_migrations': 2 },
  auditAnchor: { seq: 12, hash: 'c'.repeat(64) },
};
// More than one read chunk (1 MiB), so the chunked decryption is exercised.
const payload = Buffer.alloc(2_500_000);
for (let i = 0; i < payload.length; i += 1) payload[i] = (i * 31) % 251;

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veza-backup-file-'));
  file = join(dir, 'veza.backup');
  await writeBackupFile(file, key, header, [payload.subarray(0, 1000), payload.subarray(1000)]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function decrypt(path: string, withKey = key): Promise<Buffer> {
  const backup = await openBackupFile(path, withKey);
  const chunks: Buffer[] = [];
  for await (const chunk of backup.payload()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function variant(name: string, change: (bytes: Buffer) => Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, change(Buffer.from(await readFile(file))));
  return path;
}

describe('the backup file', () => {
  it('gives back the payload and the header with the right key', async () => {
    expect((await decrypt(file)).equals(payload)).toBe(true);
    expect((await openBackupFile(file, key)).header).toEqual(header);
  });

  it('keeps the header readable but not the payload', async () => {
    const bytes = await readFile(file);
    expect(bytes.subarray(0, MAGIC.length).toString()).toBe('VEZABAK');
    expect(bytes.includes(Buffer.from('"audit_log":12'))).toBe(true);
    expect(bytes.includes(payload.subarray(5000, 5064))).toBe(false);
  });

  it('refuses a wrong key', async () => {
    await expect(decrypt(file, otherKey)).rejects.toThrow(/not the key it was made with/);
  });

  it('refuses a changed header: a row count edited in the readable JSON fails the tag', async () => {
    const path = await variant('header', (bytes) => {
      const at = bytes.indexOf(Buffer.from('"audit_log":12'));
      bytes.write('"audit_log":13', at);
      return bytes;
    });
    expect((await openBackupFile(path, key)).header.counts['audit_log']).toBe(13);
    await expect(decrypt(path)).rejects.toThrow(BackupError);
  });

  it('refuses a flipped byte in the payload, in the tag, and a file cut short', async () => {
    const flipped = await variant('flipped', (bytes) => {
      bytes[bytes.length - 100_000]! ^= 0x01;
      return bytes;
    });
    await expect(decrypt(flipped)).rejects.toThrow(/changed or damaged/);
    const tag = await variant('tag', (bytes) => {
      bytes[bytes.length - 1]! ^= 0x80;
      return bytes;
    });
    await expect(decrypt(tag)).rejects.toThrow(/changed or damaged/);
    const cut = await variant('cut', (bytes) => bytes.subarray(0, bytes.length - 1000));
    await expect(decrypt(cut)).rejects.toThrow(BackupError);
  });

  it('refuses a file that is not a backup, and a future format version', async () => {
    const other = await variant('other', () => Buffer.from('PGDMP custom archive'));
    await expect(openBackupFile(other, key)).rejects.toThrow(/not a Veza backup file/);
    const future = await variant('future', (bytes) => {
      bytes[MAGIC.length] = 2;
      return bytes;
    });
    await expect(openBackupFile(future, key)).rejects.toThrow(/format version 2/);
  });

  it('never overwrites a file and leaves nothing behind when the payload fails', async () => {
    await expect(writeBackupFile(file, key, header, [payload])).rejects.toThrow(/exists already/);
    const failing = (async function* () {
      yield Buffer.from('partial');
      throw new Error('pg_dump failed');
    })();
    const before = (await readdir(dir)).sort();
    await expect(writeBackupFile(join(dir, 'failed.backup'), key, header, failing)).rejects.toThrow(
      'pg_dump failed',
    );
    expect((await readdir(dir)).sort()).toEqual(before);
  });
});

describe('VEZA_BACKUP_KEY', () => {
  it('is 64 hex characters, and says what is wrong otherwise', () => {
    expect(parseBackupKey(` ${'AB'.repeat(32)}\n`)).toHaveLength(32);
    expect(() => parseBackupKey(undefined)).toThrow(/VEZA_BACKUP_KEY is not set.*openssl rand -hex 32/);
    expect(() => parseBackupKey('')).toThrow(/not set/);
    expect(() => parseBackupKey('ab'.repeat(16))).toThrow(
      /must be 64 hex characters \(32 bytes\); it has 32/,
    );
    expect(() => parseBackupKey('zz'.repeat(32))).toThrow(/not all of them hex digits/);
  });
});
