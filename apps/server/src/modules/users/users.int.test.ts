import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, generateSecret } from 'otplib';
import { and, count, eq } from 'drizzle-orm';
import { auditLog, users } from '@veza/db';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestAccount,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
let admin: TestAccount;
let adminSession: Signed;

/** A national (RS) administrator with two-factor on, as an installation would have. */
beforeAll(async () => {
  t = await createTestApp();
  const secret = generateSecret();
  admin = await createAccount(t.database, {
    roles: ['sysadmin'],
    jurisdiction: 'RS',
    totpSecret: secret,
    secretKey: t.config.secretKey,
  });
  adminSession = await signIn(t.app, admin.email, undefined, await generate({ secret }));
});
afterAll(async () => {
  await t?.dispose();
});

describe('users', () => {
  it('creates a user with a one-time password that must be changed, and logs the collection', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: {
        email: 'New.Officer@Veza.Test',
        displayName: 'New Officer',
        unitId: admin.unitId,
        roles: ['officer'],
      },
    });
    expect(response.statusCode).toBe(201);
    const { user, temporaryPassword } = response.json();
    expect(user.email).toBe('new.officer@veza.test');
    expect(user.allowed).toEqual(expect.arrayContaining(['user.view', 'user.manage']));
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);

    const first = await signIn(t.app, 'new.officer@veza.test', temporaryPassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: first.headers });
    expect(me.json().mustChangePassword).toBe(true);
    const [logged] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, user.id), eq(auditLog.operation, 'collection')));
    expect(logged?.n).toBe(1);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: {
        email: 'new.officer@veza.test',
        displayName: 'Twin',
        unitId: admin.unitId,
        roles: ['officer'],
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('email_taken');
  });

  it('answers 400 with one entry per invalid field and refuses unknown fields', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: { email: 'not-an-email', displayName: '', unitId: 'x', roles: [], isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'displayName', 'unitId', 'roles']));
    expect(body.errors.find((e: { code: string }) => e.code === 'unrecognized_keys')).toBeTruthy();
  });

  it('writes nothing when the unit does not exist', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: {
        email: 'ghost@veza.test',
        displayName: 'Ghost',
        unitId: '0190f0f0-0000-7000-8000-000000000000',
        roles: ['officer'],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('unitId');
    const rows = await t.database.db.select().from(users).where(eq(users.email, 'ghost@veza.test'));
    expect(rows).toHaveLength(0);
  });

  it('answers 404 for a user of another jurisdiction and logs the denial', async () => {
    const foreign = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'AL' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/users/${foreign.id}`,
      headers: adminSession.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
    const [denial] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, foreign.id), eq(auditLog.operation, 'denial')));
    expect(denial?.outcome).toBe('denied');
    expect(denial?.actorId).toBe(admin.id);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/users?limit=200',
      headers: adminSession.headers,
    });
    expect(list.json().items.map((u: { id: string }) => u.id)).not.toContain(foreign.id);
  });

  it('logs reading a colleague’s record as a consultation', async () => {
    const colleague = await createAccount(t.database, { roles: ['analyst'], jurisdiction: 'RS' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/users/${colleague.id}`,
      headers: adminSession.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().displayName).toBe(colleague.displayName);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, colleague.id), eq(auditLog.operation, 'consultation')));
    expect(entry?.subjectLabel).toBe(colleague.displayName);
  });

  it('refuses to remove the last active administrator', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${admin.id}`,
      headers: adminSession.headers,
      payload: { roles: ['officer'] },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('last_administrator');
  });

  it('disabling a user ends their sessions; resetting the password hands out a new one-time password', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
    const session = await signIn(t.app, officer.email);
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${officer.id}`,
      headers: adminSession.headers,
      payload: { status: 'disabled' },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode).toBe(
      401,
    );

    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${officer.id}`,
      headers: adminSession.headers,
      payload: { status: 'active' },
    });
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${officer.id}/reset-password`,
      headers: adminSession.headers,
    });
    expect(reset.statusCode).toBe(200);
    const signed = await signIn(t.app, officer.email, reset.json().temporaryPassword);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/agencies', headers: signed.headers })).json().code,
    ).toBe('password_change_required');
  });

  it('lets an officer see only their own record', async () => {
    const officer = await createAccount(t.database, {
      roles: ['officer'],
      jurisdiction: 'RS',
      unitId: admin.unitId,
    });
    const session = await signIn(t.app, officer.email);
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: session.headers });
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([officer.id]);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/users/${admin.id}`,
      headers: session.headers,
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('organisation', () => {
  it('lists the seven jurisdictions with counts', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/jurisdictions',
      headers: adminSession.headers,
    });
    expect(response.statusCode).toBe(200);
    const list = response.json() as { code: string; agencyCount: number; userCount: number }[];
    expect(list.map((j) => j.code).sort()).toEqual(['AL', 'BA', 'HR', 'ME', 'MK', 'RS', 'XK']);
    const serbia = list.find((j) => j.code === 'RS');
    expect(serbia?.agencyCount).toBeGreaterThan(0);
    expect(serbia?.userCount).toBeGreaterThan(0);
  });

  it('creates agencies and units in its jurisdiction, refuses duplicates and other jurisdictions', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: adminSession.headers,
      payload: { name: 'Border Police Directorate', kind: 'border_police', jurisdiction: 'RS' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().allowed).toEqual(['organisation.view', 'organisation.manage']);
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: adminSession.headers,
      payload: { name: 'border police directorate', kind: 'border_police', jurisdiction: 'RS' },
    });
    expect(duplicate.json().code).toBe('name_taken');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: adminSession.headers,
      payload: { name: 'Elsewhere', kind: 'ngo', jurisdiction: 'HR' },
    });
    expect(foreign.statusCode).toBe(403);
    const unit = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: adminSession.headers,
      payload: { agencyId: created.json().id, name: 'Horgoš crossing', kind: 'border' },
    });
    expect(unit.statusCode).toBe(201);
    expect(unit.json().agencyName).toBe('Border Police Directorate');
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${unit.json().id}`,
      headers: adminSession.headers,
      payload: { name: 'Horgoš border crossing' },
    });
    expect(renamed.json().name).toBe('Horgoš border crossing');
    const agency = await t.app.inject({
      method: 'GET',
      url: `/api/agencies/${created.json().id}`,
      headers: adminSession.headers,
    });
    expect(agency.json().unitCount).toBe(1);
    const units = await t.app.inject({
      method: 'GET',
      url: `/api/units?agencyId=${admin.agencyId}`,
      headers: adminSession.headers,
    });
    expect(units.json()[0].userCount).toBeGreaterThan(0);
  });
});
