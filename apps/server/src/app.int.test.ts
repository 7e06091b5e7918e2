import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { auditLog, users } from '@veza/db';
import { buildApp } from './app.ts';
import { AppError } from './platform/errors.ts';
import { handle } from './platform/http/handle.ts';
import { createAccount, createTestApp, signIn, testConfig, type TestApp } from './testing/app-fixture.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A route that writes and then fails half-way: what handle() must undo.
  t.app.post('/api/test/half-way', async (request) =>
    handle(request, async (_ctx, tx) => {
      await tx.update(users).set({ displayName: 'changed half-way' });
      throw new AppError('conflict', {
        audit: { operation: 'denial', action: 'user.update', details: { marker: 'half-way' } },
      });
    }),
  );
});
afterAll(async () => {
  await t?.dispose();
});

describe('platform', () => {
  it('reports health with the database engine and the version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env['TEST_DATABASE_URL'] ? 'postgresql' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('publishes an OpenAPI 3.1 document with the API paths', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/me',
        '/api/users',
        '/api/users/{id}',
        '/api/agencies',
      ]),
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('sends strict security headers and no HSTS over plain http', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers unknown API paths with a not_found problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().code).toBe('not_found');
  });

  it('refuses a body over the limit with 413 payload_too_large', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });

  it('rolls back everything a failed request wrote, and still logs its denial', async () => {
    await createAccount(t.database, { roles: ['officer'] });
    const response = await t.app.inject({ method: 'POST', url: '/api/test/half-way' });
    expect(response.statusCode).toBe(409);
    const [changed] = await t.database.db
      .select({ n: count() })
      .from(users)
      .where(eq(users.displayName, 'changed half-way'));
    expect(changed?.n).toBe(0);
    const [denial] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(sql`${auditLog.details}->>'marker' = 'half-way' and ${auditLog.operation} = 'denial'`);
    expect(denial?.n).toBe(1);
  });

  it('serves the web app and falls back to index.html for client-side routes', async () => {
    const config = testConfig();
    const webRoot = join(config.dataDir, 'web');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Veza</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log(1)');
    const app = await buildApp({ database: t.database, config, webRoot });
    try {
      expect((await app.inject({ method: 'GET', url: '/app.js' })).body).toBe('console.log(1)');
      const deep = await app.inject({ method: 'GET', url: '/users/123' });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('<title>Veza</title>');
      expect((await app.inject({ method: 'GET', url: '/api/unknown' })).json().code).toBe('not_found');
    } finally {
      await app.close();
    }
  });

  it('limits API requests per address, not the files of the web app', async () => {
    const config = testConfig({ rateLimit: { loginPerMinute: 1000, globalPerMinute: 3 } });
    const webRoot = join(config.dataDir, 'web-limited');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Veza</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log(1)');
    const app = await buildApp({ database: t.database, config, webRoot });
    try {
      for (let i = 0; i < 10; i += 1)
        expect((await app.inject({ method: 'GET', url: '/app.js' })).statusCode).toBe(200);
      const api = [];
      for (let i = 0; i < 4; i += 1)
        api.push((await app.inject({ method: 'GET', url: '/api/agencies' })).statusCode);
      expect(api).toEqual([401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });

  it('lets a user who must change the password do only that', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'], mustChangePassword: true });
    const { headers } = await signIn(t.app, officer.email);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/agencies', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).json().mustChangePassword).toBe(
      true,
    );
  });

  it('lets an administrator without two-factor only set it up', async () => {
    const admin = await createAccount(t.database, { roles: ['sysadmin'], jurisdiction: null });
    const { headers } = await signIn(t.app, admin.email);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/users', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('totp_enrolment_required');
    const setup = await t.app.inject({ method: 'POST', url: '/api/me/totp/setup', headers });
    expect(setup.statusCode).toBe(200);
  });
});
