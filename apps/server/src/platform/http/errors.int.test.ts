import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { upsertJurisdictions } from '../../setup/setup.repository.ts';
import { createAccount, signIn, testConfig, type Signed } from '../../testing/app-fixture.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let database: TestDatabase;
let app: FastifyInstance;
let officer: Signed;
const logLines: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await upsertJurisdictions(database.db);
  const config = testConfig();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  app = await buildApp({ database, config, webRoot: config.dataDir, logger: { level: 'info', stream } });
  const account = await createAccount(database, { roles: ['officer'] });
  officer = await signIn(app, account.email);
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as { status: number; code: string; type: string };
  expect(body.status).toBe(response.statusCode);
  expect(body.type).toMatch(/^urn:veza:problem:/);
  return body;
}

describe("Fastify's own errors are problem+json", () => {
  it('answers 414 uri_too_long for a path parameter over the length limit', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/users/${'a'.repeat(500)}` });
    expect(response.statusCode).toBe(414);
    expect(expectProblem(response).code).toBe('uri_too_long');
  });

  it('answers 400 validation_failed for a malformed URL', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/users/%E0%A4%A',
      headers: officer.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(expectProblem(response).code).toBe('validation_failed');
  });

  it('answers 404 not_found for an unknown API route', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(expectProblem(response).code).toBe('not_found');
  });

  it('answers 415 unsupported_media_type for a body that is not JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a@b.c',
    });
    expect(response.statusCode).toBe(415);
    expect(expectProblem(response).code).toBe('unsupported_media_type');
  });

  it('answers 413 payload_too_large for a body over the limit', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(expectProblem(response).code).toBe('payload_too_large');
  });

  it('answers 400 validation_failed for malformed JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(expectProblem(response).code).toBe('validation_failed');
  });

  it("answers 414 problem+json for a request line Node's parser refuses", async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port, path: `/api/users?q=${'x'.repeat(20_000)}` },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              type: String(response.headers['content-type']),
              body,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(answer.status).toBe(414);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 414, code: 'uri_too_long' });
  });
});

describe('the log', () => {
  it('holds neither the SQL parameters, the e-mail, the address nor the query of a failed request', async () => {
    await database.db.execute(sql`alter table users rename to users_away`);
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login?next=secret-search-term',
        remoteAddress: '203.0.113.77',
        payload: { email: 'marija.petrovic@veza.test', password: 'a password' },
      });
      expect(response.statusCode).toBe(500);
      expect(expectProblem(response).code).toBe('internal_error');
    } finally {
      await database.db.execute(sql`alter table users_away rename to users`);
    }
    const failure = logLines.find((line) => line.includes('unexpected error'));
    expect(failure).toBeDefined();
    const logged = JSON.parse(failure ?? '{}') as { err?: { type?: string; cause?: { code?: string } } };
    // The error is identified by its class and SQLSTATE (42P01: undefined table), the request by route.
    expect(logged.err?.type).toBeTruthy();
    expect(JSON.stringify(logged)).toContain('42P01');
    const everything = logLines.join('\n');
    expect(everything).toContain('/api/auth/login');
    for (const secret of [
      'marija.petrovic',
      'a password',
      '203.0.113.77',
      'secret-search-term',
      'users_away',
      'select',
    ]) {
      expect(everything.toLowerCase()).not.toContain(secret);
    }
  });
});
