import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import type { Role } from '@veza/shared';
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

describe('me', () => {
  it('sets up two-factor: an administrator enrols, then signs in with a code', async () => {
    const admin = await createAccount(t.database, { roles: ['sysadmin'], jurisdiction: null });
    const { headers } = await signIn(t.app, admin.email);
    const setup = await t.app.inject({ method: 'POST', url: '/api/me/totp/setup', headers });
    const { secret, otpauthUrl, qrSvg } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Veza:/);
    expect(qrSvg).toContain('<svg');

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/me/totp/confirm',
      headers,
      payload: { code: '000000' },
    });
    expect(wrong.json().code).toBe('totp_invalid');
    const code = await generate({ secret });
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/me/totp/confirm',
      headers,
      payload: { code },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ totpEnabled: true, totpEnrolmentRequired: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200);

    const disable = await t.app.inject({
      method: 'POST',
      url: '/api/me/totp/disable',
      headers,
      payload: { password: TEST_PASSWORD },
    });
    expect(disable.statusCode).toBe(403);
    expect(disable.json().code).toBe('administrator_keeps_totp');
    // The profile page does not offer it: the server's answer says so.
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers });
    expect(me.json().allowed).not.toContain('account.totp.disable');
  });

  it('tells the web app what the user may do with their account and which coming modules concern them', async () => {
    const me = async (roles: Role[]) => {
      const account = await createAccount(t.database, { roles });
      const { headers } = await signIn(t.app, account.email);
      return (await t.app.inject({ method: 'GET', url: '/api/me', headers })).json();
    };
    const prosecutor = await me(['prosecutor']);
    expect(prosecutor.allowed).toEqual(['account.totp.disable']);
    expect(prosecutor.upcoming).toEqual(['cooperation', 'proceedings']);
    const trainer = await me(['trainer']);
    expect(trainer.upcoming).toEqual(['training']);
    expect(trainer.capabilities).not.toContain('account.totp.disable');
  });

  it('changes the password: checks the current one, refuses reuse, ends the other sessions', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const current = await signIn(t.app, officer.email);
    const other = await signIn(t.app, officer.email);
    const change = (payload: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/me/password', headers: current.headers, payload });

    expect(
      (await change({ currentPassword: 'wrong', newPassword: 'a brand new passphrase' })).json().code,
    ).toBe('password_incorrect');
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD })).json().code).toBe(
      'password_reused',
    );
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: officer.email })).json().code).toBe(
      'password_too_weak',
    );
    expect(
      (await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' })).json().errors[0].path,
    ).toBe('newPassword');
    expect(
      (await change({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' })).statusCode,
    ).toBe(204);

    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: current.headers })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: other.headers })).statusCode).toBe(
      401,
    );
    await signIn(t.app, officer.email, 'a brand new passphrase');
  });

  it('lists its sessions and revokes one by its public handle', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'] });
    const current = await signIn(t.app, officer.email);
    const other = await signIn(t.app, officer.email);
    const list = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: current.headers });
    const items = list.json() as { id: string; current: boolean }[];
    expect(items).toHaveLength(2);
    const target = items.find((s) => !s.current);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${target?.id}`,
      headers: current.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: other.headers })).statusCode).toBe(
      401,
    );
  });

  it('remembers a justification for the session', async () => {
    const officer = await createAccount(t.database, { roles: ['dpo'] });
    const { headers } = await signIn(t.app, officer.email);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/me/justifications',
      headers,
      payload: { scope: 'session', text: 'Quarterly review of access logs' },
    });
    expect(response.statusCode).toBe(204);
  });
});
