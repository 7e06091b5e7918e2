import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('starts in demo mode with the documented defaults and keeps a generated key private', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veza-config-'));
    const config = loadConfig({ VEZA_DATA_DIR: dir });
    expect(config).toMatchObject({ env: 'demo', port: 8080, host: '127.0.0.1', databaseUrl: undefined });
    expect(config.pgliteDir).toBe(join(dir, 'pglite'));
    expect(config.session).toEqual({ idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 12 * 3_600_000 });
    expect(config.lockout).toEqual({ maxFailures: 5, durationMs: 15 * 60_000 });
    expect(config.secretKey).toHaveLength(32);
    const file = join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(config.secretKey.toString('hex'));
    // The same key on the next start: TOTP secrets stay readable.
    expect(loadConfig({ VEZA_DATA_DIR: dir }).secretKey.equals(config.secretKey)).toBe(true);
  });

  it('refuses to start in production without a secret key', () => {
    expect(() => loadConfig({ VEZA_ENV: 'production', VEZA_DATA_DIR: tmpdir() })).toThrow(
      /VEZA_SECRET_KEY is required/,
    );
  });

  it('names every invalid variable', () => {
    try {
      loadConfig({ PORT: 'eighty', VEZA_ENV: 'staging', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(String(error)).toMatch(/PORT/);
      expect(String(error)).toMatch(/VEZA_ENV/);
      expect(String(error)).toMatch(/DATABASE_URL/);
    }
  });

  it('accepts a hex or base64 key and refuses one of the wrong length', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ VEZA_SECRET_KEY: hex, VEZA_ENV: 'production' }).secretKey.toString('hex')).toBe(hex);
    expect(() => loadConfig({ VEZA_SECRET_KEY: 'short', VEZA_ENV: 'production' })).toThrow(/32 bytes/);
  });
});
