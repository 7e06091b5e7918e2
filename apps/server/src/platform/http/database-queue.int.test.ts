import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
let officer: Signed;

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t.app, (await createAccount(t.database, { roles: ['officer'] })).email);
});
afterAll(async () => {
  await t?.dispose();
});

describe("the queue in front of PGlite's one connection", () => {
  it('answers 503 database_busy with Retry-After when a request cannot start within 2 s', async () => {
    if (t.database.kind !== 'pglite') return; // PostgreSQL has a pool of connections and no queue.
    // A deliberately slow transaction holds the one connection for 3.5 s, as a big import does. (A
    // slow SQL statement would not show it: PGlite runs a statement synchronously, so nothing else
    // in the process moves while it runs; the queue is for the work between statements.)
    let holding: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const slow = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      holding();
      await new Promise((resolve) => setTimeout(resolve, 3500));
    });
    await held;
    const started = Date.now();
    const response = await t.app.inject({ method: 'GET', url: '/api/users', headers: officer.headers });
    const waited = Date.now() - started;
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'database_busy', status: 503 });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    // Refused when its 2 s were up, not when the slow query ended.
    expect(waited).toBeLessThan(3400);
    await slow;
    // Once the connection is free the same request is served.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: officer.headers })).statusCode,
    ).toBe(200);
  });
});
