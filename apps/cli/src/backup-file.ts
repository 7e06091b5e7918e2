import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { link, open, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join, basename } from 'node:path';

/**
 * The `veza backup` file:
 *
 *   "VEZABAK" (7 bytes) | version (1 byte, = 1) | header length (4 bytes, big-endian)
 *   | header (UTF-8 JSON) | nonce (12 bytes) | ciphertext | GCM tag (16 bytes)
 *
 * The payload (a PGlite data-directory tarball or a pg_dump custom-format archive) is encrypted with
 * AES-256-GCM under VEZA_BACKUP_KEY and a random nonce. The header stays readable (what a backup is
 * can be told without the key: engine, time, migrations, row counts, audit anchor — no personal data)
 * and everything before the ciphertext is the AAD, so a changed header fails like a changed payload.
 */
export const MAGIC = Buffer.from('VEZABAK', 'ascii');
export const FORMAT_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 1 << 20;

export interface BackupHeader {
  engine: 'pglite' | 'postgresql';
  /** ISO time the backup was taken. */
  createdAt: string;
  /** Tags of the migrations applied to the backed-up database, oldest first. */
  migrations: string[];
  /** Rows in every table at backup time ("schema.table" for tables outside public). */
  counts: Record<string, number>;
  /** The newest audit-chain entry at backup time; null when the trail was empty. */
  auditAnchor: { seq: number; hash: string } | null;
}

/** A clear failure of a backup or restore: the message is for the operator, the exit code non-zero. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** VEZA_BACKUP_KEY: 32 bytes as 64 hex characters. */
export function parseBackupKey(value: string | undefined): Buffer {
  if (value === undefined || value.trim() === '') {
    throw new BackupError(
      'VEZA_BACKUP_KEY is not set. It is the key the backup file is encrypted with: 32 bytes as 64 hex ' +
        'characters (generate one with: openssl rand -hex 32). Keep it outside this machine.',
    );
  }
  const trimmed = value.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    throw new BackupError(
      `VEZA_BACKUP_KEY must be 64 hex characters (32 bytes); it has ${trimmed.length} characters` +
        (/^[0-9a-fA-F]*$/.test(trimmed) ? '.' : ', not all of them hex digits.'),
    );
  }
  return Buffer.from(trimmed, 'hex');
}

/** The bytes before the ciphertext (magic, version, header, nonce): written first and used as AAD. */
export function encodePrefix(header: BackupHeader, nonce: Buffer): Buffer {
  if (nonce.length !== NONCE_BYTES) throw new RangeError('a backup nonce is 12 bytes');
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length > MAX_HEADER_BYTES) throw new RangeError('backup header too large');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION]), length, json, nonce]);
}

export interface DecodedPrefix {
  header: BackupHeader;
  nonce: Buffer;
  /** The whole prefix (the AAD); the ciphertext starts at its length. */
  prefix: Buffer;
}

/**
 * Reads the prefix from the start of a file. `read(position, length)` returns up to `length` bytes.
 * The header is parsed only to find its end; nothing in it is trusted before the tag has been checked.
 */
export async function decodePrefix(
  read: (position: number, length: number) => Promise<Buffer>,
): Promise<DecodedPrefix> {
  const fixed = await read(0, MAGIC.length + 5);
  if (fixed.length < MAGIC.length + 5 || !fixed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError('This is not a Veza backup file (it does not start with "VEZABAK").');
  }
  const version = fixed[MAGIC.length];
  if (version !== FORMAT_VERSION) {
    throw new BackupError(
      `This backup file has format version ${version}; this Veza reads version ${FORMAT_VERSION}.`,
    );
  }
  const length = fixed.readUInt32BE(MAGIC.length + 1);
  if (length > MAX_HEADER_BYTES) throw new BackupError('The backup file is damaged: its header is too long.');
  const rest = await read(fixed.length, length + NONCE_BYTES);
  if (rest.length < length + NONCE_BYTES)
    throw new BackupError('The backup file is damaged: it is cut short.');
  let header: BackupHeader;
  try {
    header = JSON.parse(rest.subarray(0, length).toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupError('The backup file is damaged: its header is not readable.');
  }
  if (!isHeader(header)) throw new BackupError('The backup file is damaged: its header is not complete.');
  return { header, nonce: rest.subarray(length), prefix: Buffer.concat([fixed, rest]) };
}

function isHeader(value: unknown): value is BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    (h.engine === 'pglite' || h.engine === 'postgresql') &&
    typeof h.createdAt === 'string' &&
    Array.isArray(h.migrations) &&
    typeof h.counts === 'object' &&
    h.counts !== null &&
    Object.values(h.counts).every((n) => Number.isSafeInteger(n) && n >= 0) &&
    (h.auditAnchor === null ||
      (typeof h.auditAnchor === 'object' &&
        Number.isSafeInteger(h.auditAnchor?.seq) &&
        typeof h.auditAnchor?.hash === 'string'))
  );
}

/**
 * Writes `payload` encrypted to `out`, chunk by chunk (memory stays flat), into a temporary file
 * beside it (mode 0600) that is renamed when complete: a failure leaves no file. An existing `out`
 * is refused, not overwritten.
 */
export async function writeBackupFile(
  out: string,
  key: Buffer,
  header: BackupHeader,
  payload: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<{ bytes: number }> {
  if (await stat(out).catch(() => undefined)) {
    throw new BackupError(`${out} exists already; a backup never overwrites a file. Choose another name.`);
  }
  const partial = join(dirname(out), `.${basename(out)}.${randomUUID()}.partial`);
  const file = await open(partial, 'wx', 0o600);
  let bytes = 0;
  try {
    const nonce = randomBytes(NONCE_BYTES);
    const prefix = encodePrefix(header, nonce);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(prefix);
    const write = async (chunk: Buffer) => {
      if (chunk.length === 0) return;
      await file.write(chunk);
      bytes += chunk.length;
    };
    await write(prefix);
    for await (const chunk of payload) await write(cipher.update(chunk));
    await write(cipher.final());
    await write(cipher.getAuthTag());
    await file.sync();
    await file.close();
    // A link, not a rename: a file made meanwhile under that name is not replaced.
    await link(partial, out).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      throw new BackupError(`${out} was created meanwhile; a backup never overwrites a file.`);
    });
    await rm(partial, { force: true });
    return { bytes };
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

const WRONG_KEY_OR_TAMPERED =
  'The backup file cannot be decrypted: either VEZA_BACKUP_KEY is not the key it was made with, or the ' +
  'file was changed or damaged since. Nothing was restored.';

export interface OpenedBackup {
  header: BackupHeader;
  /**
   * The payload, decrypted chunk by chunk. The chunks are NOT authenticated until the iteration ends
   * without an error: the last step checks the tag and throws BackupError on a wrong key or a change.
   */
  payload(): AsyncGenerator<Buffer>;
}

/** Opens a backup file for reading; the header is parsed, not yet authenticated. */
export async function openBackupFile(path: string, key: Buffer): Promise<OpenedBackup> {
  const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      `Cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`,
    );
  });
  try {
    const size = (await file.stat()).size;
    const decoded = await decodePrefix(async (position, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    });
    if (size < decoded.prefix.length + TAG_BYTES) {
      throw new BackupError('The backup file is damaged: it is cut short.');
    }
    return {
      header: decoded.header,
      payload: () => decryptPayload(path, key, decoded, size),
    };
  } finally {
    await file.close();
  }
}

async function* decryptPayload(
  path: string,
  key: Buffer,
  decoded: DecodedPrefix,
  size: number,
): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    const tag = Buffer.alloc(TAG_BYTES);
    await file.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, decoded.nonce);
    decipher.setAAD(decoded.prefix);
    decipher.setAuthTag(tag);
    const end = size - TAG_BYTES;
    const chunk = Buffer.alloc(1 << 20);
    for (let position = decoded.prefix.length; position < end;) {
      const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, end - position), position);
      if (bytesRead === 0) throw new BackupError('The backup file is damaged: it is cut short.');
      position += bytesRead;
      yield decipher.update(chunk.subarray(0, bytesRead));
    }
    let last: Buffer;
    try {
      last = decipher.final();
    } catch {
      throw new BackupError(WRONG_KEY_OR_TAMPERED);
    }
    if (last.length > 0) yield last;
  } finally {
    await file.close();
  }
}

/** Decrypts the whole payload only to check the tag; throws BackupError on a wrong key or a change. */
export async function authenticate(backup: OpenedBackup): Promise<void> {
  for await (const chunk of backup.payload()) void chunk;
}
