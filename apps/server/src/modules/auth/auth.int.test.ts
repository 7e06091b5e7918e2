import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, generateSecret } from 'otplib';
import { eq, sql } from 'drizzle-orm';
import { auditLog, sessions, users } from '@veza/db';
import {
  createAccount,
  createTestApp,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.dispose();
});

function login(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
}

async function auditOperations(subjectId: string): Promise<string[]> {
  const rows = await t.database.db
    .select({ operation: auditLog.operation })
    .from(auditLog)
    .where(eq(auditLog.subjectId, subjectId))
    .orderBy(auditLog.seq);
  return rows.map((r) => r.operation);
}

describe('sign-in', () => {
  it('signs in with the right password and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const response = await login({ email: officer.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user.email).toBe(officer.email);
    expect(body.user.capabilities).toEqual(expect.any(Array));
    expect(typeof body.csrfToken).toBe('string');
    const cookie = response.cookies.find((c) => c.name === 'veza_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.path).toBe('/');
    expect(await auditOperations(officer.id)).toContain('sign_in');

    const session = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `veza_session=${cookie?.value}` },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().csrfToken).toBe(body.csrfToken);
  });

  it('answers the same 401 for an unknown e-mail and a wrong password, and logs the failure', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const unknown = await login({ email: 'nobody@veza.test', password: TEST_PASSWORD });
    const wrong = await login({ email: officer.email, password: 'not the password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(await auditOperations(officer.id)).toEqual(['sign_in_failed']);
  });

  it('never locks the account: a stranger guessing from one address is slowed, the owner elsewhere signs in', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const guess = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '198.51.100.23',
        payload: { email: officer.email, password },
      });
    // Five failures from the stranger's address are free; the sixth makes that address wait.
    for (let i = 0; i < 6; i += 1) expect((await guess(`wrong-${i}`)).statusCode).toBe(401);
    const slowed = await guess('wrong-again');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().code).toBe('rate_limited');
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Even the right password waits on that address: the delay is not a hint.
    expect((await guess(TEST_PASSWORD)).statusCode).toBe(429);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, officer.id));
    expect(row?.lockedUntil).toBeNull();

    // The owner, from the office's address, signs in at once and is told of the attempts.
    const owner = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.10',
      payload: { email: officer.email, password: TEST_PASSWORD },
    });
    expect(owner.statusCode).toBe(200);
    expect(owner.json().failedSignIns).toEqual({ count: 6, lastAt: expect.any(String) });
    // Told once: the next sign-in has nothing new to report.
    const again = await login({ email: officer.email, password: TEST_PASSWORD });
    expect(again.json().failedSignIns).toBeNull();
  });

  it('asks for the two-factor code only after the right password, and refuses a reused code', async () => {
    const secret = generateSecret();
    const admin = await createAccount(t.database, {
      roles: ['sysadmin'],
      totpSecret: secret,
      secretKey: t.config.secretKey,
    });
    const withoutCode = await login({ email: admin.email, password: TEST_PASSWORD });
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().code).toBe('totp_required');

    const wrongPasswordNoCode = await login({ email: admin.email, password: 'wrong password' });
    expect(wrongPasswordNoCode.json().code).toBe('invalid_credentials');

    const wrongCode = await login({ email: admin.email, password: TEST_PASSWORD, totp: '000000' });
    expect(wrongCode.json().code).toBe('invalid_credentials');

    const code = await generate({ secret });
    const ok = await login({ email: admin.email, password: TEST_PASSWORD, totp: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totpEnrolmentRequired).toBe(false);

    const replay = await login({ email: admin.email, password: TEST_PASSWORD, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_credentials');
  });

  it('refuses demo accounts outside demo mode', async () => {
    const production = await createTestApp({ env: 'production' });
    try {
      const demoUser = await createAccount(production.database, { roles: ['officer'], isDemo: true });
      const response = await production.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: demoUser.email, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('invalid_credentials');
    } finally {
      await production.dispose();
    }
  });

  it('refuses unknown fields in the login body', async () => {
    const response = await login({ email: 'a@b.c', password: 'x', remember: true });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
  });

  it('counts sign-ins per account and address: a colleague at the same address is not refused', async () => {
    const limited = await createTestApp({ rateLimit: { loginPerMinute: 2, globalPerMinute: 600 } });
    try {
      const attempt = (email: string) =>
        limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'y' } });
      await attempt('first@veza.test');
      await attempt('first@veza.test');
      expect((await attempt('first@veza.test')).statusCode).toBe(429);
      expect((await attempt('colleague@veza.test')).statusCode).toBe(401);
    } finally {
      await limited.dispose();
    }
  });

  it('answers 429 rate_limited after too many sign-in attempts from one address', async () => {
    const limited = await createTestApp({ rateLimit: { loginPerMinute: 2, globalPerMinute: 600 } });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@veza.test', password: 'y' },
        });
      await attempt();
      await attempt();
      const third = await attempt();
      expect(third.statusCode).toBe(429);
      expect(third.json().code).toBe('rate_limited');
    } finally {
      await limited.dispose();
    }
  });
});

describe('sessions', () => {
  it('refuses a state-changing request without the CSRF token', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const { cookie, csrf } = await signIn(t.app, officer.email);
    const missing = await t.app.inject({
      method: 'PUT',
      url: '/api/me/language',
      headers: { cookie },
      payload: { language: 'sq' },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'PUT',
      url: '/api/me/language',
      headers: { cookie, 'x-csrf-token': `${csrf.slice(0, -1)}x` },
      payload: { language: 'sq' },
    });
    expect(wrong.json().code).toBe('csrf_failed');
    const right = await t.app.inject({
      method: 'PUT',
      url: '/api/me/language',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { language: 'sq' },
    });
    expect(right.statusCode).toBe(200);
    expect(right.json().language).toBe('sq');
  });

  it('ends a session idle for longer than thirty minutes', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const { cookie } = await signIn(t.app, officer.email);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(sessions.userId, officer.id));
    const expired = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('unauthenticated');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, officer.id))).toHaveLength(
      0,
    );
  });

  it('ends a session past its absolute lifetime even when in use', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const { cookie } = await signIn(t.app, officer.email);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.userId, officer.id));
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('signs out: the cookie no longer works and the sign-out is logged', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const { cookie, headers } = await signIn(t.app, officer.email);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect(await auditOperations(officer.id)).toEqual(['sign_in', 'sign_out']);
  });

  it('signs out everywhere', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const first = await signIn(t.app, officer.email);
    const second = await signIn(t.app, officer.email);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: first.headers });
    expect(out.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: second.cookie } })).statusCode,
    ).toBe(401);
  });
});

describe('failed sign-ins in the audit trail', () => {
  it("shows password guessing against an Albanian account to Albania's DPO, not to Serbia's", async () => {
    const target = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'AL' });
    const dpoAl = await createAccount(t.database, { roles: ['dpo'], jurisdiction: 'AL' });
    const dpoRs = await createAccount(t.database, { roles: ['dpo'], jurisdiction: 'RS' });
    expect((await login({ email: target.email, password: 'guess-number-one' })).statusCode).toBe(401);

    const failuresSeenBy = async (email: string): Promise<string[]> => {
      const signed = await signIn(t.app, email);
      const justified = await t.app.inject({
        method: 'POST',
        url: '/api/me/justifications',
        headers: signed.headers,
        payload: { scope: 'audit', text: 'Review of failed sign-ins this week' },
      });
      expect(justified.statusCode).toBe(204);
      const search = await t.app.inject({
        method: 'GET',
        url: `/api/audit?operation=sign_in_failed&person=${encodeURIComponent(target.displayName)}`,
        headers: signed.headers,
      });
      expect(search.statusCode).toBe(200);
      return (search.json() as { items: Array<{ subjectId: string }> }).items.map((e) => e.subjectId);
    };
    expect(await failuresSeenBy(dpoAl.email)).toEqual([target.id]);
    expect(await failuresSeenBy(dpoRs.email)).toEqual([]);
  });
});
