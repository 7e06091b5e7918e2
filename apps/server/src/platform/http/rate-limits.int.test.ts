import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
let first: Signed;
let second: Signed;

beforeAll(async () => {
  t = await createTestApp({ rateLimit: { loginPerMinute: 100, globalPerMinute: 3, anonymousPerMinute: 2 } });
  first = await signIn(t.app, (await createAccount(t.database, { roles: ['officer'] })).email);
  second = await signIn(t.app, (await createAccount(t.database, { roles: ['officer'] })).email);
});
afterAll(async () => {
  await t?.dispose();
});

// Every request of inject comes from 127.0.0.1: one office behind one address.
const me = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/api/me', headers });
const users = (headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: '/api/users', headers });

describe('limits that suit an office behind one address', () => {
  it('counts signed-in traffic per session, so colleagues at one address do not share a budget', async () => {
    for (let i = 0; i < 3; i += 1) expect((await me(first.headers)).statusCode).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await me(second.headers)).statusCode).toBe(200);
    const over = await me(first.headers);
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('rate_limited');
    expect(over.headers['retry-after']).toBeDefined();
  });

  it('counts traffic without a session per address, made-up cookies included', async () => {
    expect((await users()).statusCode).toBe(401);
    expect((await users({ cookie: 'veza_session=made-up-1' })).statusCode).toBe(401);
    const over = await users({ cookie: 'veza_session=made-up-2' });
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('rate_limited');
  });
});
