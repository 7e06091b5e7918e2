import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../testing/app-fixture.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.dispose();
});

describe('health', () => {
  it('keeps /api/health as the liveness answer', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok' });
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
    if (t.database.kind === 'pglite') expect(body.checks.freeDiskBytes).toBeGreaterThan(0);
    else expect(body.checks.freeDiskBytes).toBeNull();
  });

  it('answers 503 storage_full while the disk has less free space than the threshold, and recovers', async () => {
    if (t.database.kind !== 'pglite') return;
    const config = t.app.config;
    const before = config.minFreeDiskBytes;
    config.minFreeDiskBytes = Number.MAX_SAFE_INTEGER;
    try {
      const full = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(full.statusCode).toBe(503);
      expect(full.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(full.headers['retry-after']).toBeDefined();
      expect(full.json()).toMatchObject({ code: 'storage_full', status: 503 });
      expect(full.json().detail).toMatch(/VEZA_MIN_FREE_DISK_MB/);
    } finally {
      config.minFreeDiskBytes = before;
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
  });

  it('answers 503 not_ready naming the migration not applied', async () => {
    const [last] = (
      (await t.database.db.execute(
        sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
      )) as unknown as { rows: Array<{ id: number; hash: string; created_at: string }> }
    ).rows;
    expect(last).toBeDefined();
    await t.database.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last?.id}`);
    try {
      const behind = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toMatchObject({ code: 'not_ready' });
      expect(behind.json().detail).toMatch(/migrations: 1 not applied \(0\d{3}_/);
    } finally {
      await t.database.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last?.id}, ${last?.hash}, ${last?.created_at})`,
      );
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
  });
});
