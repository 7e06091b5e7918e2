import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, generateSecret } from 'otplib';
import { count, eq } from 'drizzle-orm';
import { cases, entities, users } from '@veza/db';
import type { Case } from '@veza/shared';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestAccount,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
let officer: Signed;
let admin: Signed;
let adminAccount: TestAccount;
let openCase: Case;

const as = (who: Signed, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  const officerAccount = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  officer = await signIn(t.app, officerAccount.email);
  const secret = generateSecret();
  adminAccount = await createAccount(t.database, {
    roles: ['sysadmin'],
    jurisdiction: 'RS',
    totpSecret: secret,
    secretKey: t.config.secretKey,
  });
  admin = await signIn(t.app, adminAccount.email, undefined, await generate({ secret }));
  const created = await as(officer, 'POST', '/api/cases', {
    title: 'Operacija Sever',
    type: 'trafficking',
    handlingCode: 'H0',
  });
  expect(created.statusCode).toBe(201);
  openCase = created.json<Case>();
});
afterAll(async () => {
  await t?.dispose();
});

function expectNulRefused(response: { statusCode: number; json(): unknown }, field: string): void {
  expect(response.statusCode).toBe(400);
  const body = response.json() as { code: string; errors: Array<{ path: string; code: string }> };
  expect(body.code).toBe('validation_failed');
  expect(body.errors).toEqual([expect.objectContaining({ path: field, code: 'nul_character' })]);
}

describe('the NUL character (U+0000) in any text', () => {
  it('refuses a case title with it, naming the field, and opens no case', async () => {
    const before = await t.database.db.select({ n: count() }).from(cases);
    const response = await as(officer, 'POST', '/api/cases', {
      title: 'Operacija\u0000Jug',
      type: 'trafficking',
      handlingCode: 'H0',
    });
    expectNulRefused(response, 'title');
    expect(await t.database.db.select({ n: count() }).from(cases)).toEqual(before);
  });

  it('refuses an entity caption with it and stores no entity', async () => {
    const response = await as(officer, 'POST', `/api/cases/${openCase.id}/entities`, {
      schema: 'Phone',
      caption: '+381 64\u0000 123 4567',
      statements: [],
    });
    expectNulRefused(response, 'caption');
    const stored = await t.database.db
      .select({ n: count() })
      .from(entities)
      .where(eq(entities.caseId, openCase.id));
    expect(stored[0]?.n).toBe(0);
  });

  it('refuses a user name with it and creates no user', async () => {
    const response = await as(admin, 'POST', '/api/users', {
      email: 'nul.officer@veza.test',
      displayName: 'Nul\u0000 Officer',
      unitId: adminAccount.unitId,
      roles: ['officer'],
    });
    expectNulRefused(response, 'displayName');
    const stored = await t.database.db.select().from(users).where(eq(users.email, 'nul.officer@veza.test'));
    expect(stored).toEqual([]);
  });

  it('refuses a path parameter with it (a session id)', async () => {
    const response = await as(officer, 'DELETE', '/api/me/sessions/abc%00def');
    expectNulRefused(response, 'id');
    // The officer's own session still works: nothing was revoked.
    expect((await as(officer, 'GET', '/api/me')).statusCode).toBe(200);
  });

  it('refuses a query parameter with it (a search)', async () => {
    const response = await as(admin, 'GET', '/api/users?q=Nul%00Officer');
    expectNulRefused(response, 'q');
  });

  it('names a nested field', async () => {
    const response = await as(officer, 'POST', `/api/cases/${openCase.id}/entities`, {
      schema: 'Phone',
      caption: '+381 64 123 4567',
      statements: [
        {
          property: 'number',
          value: '+381\u000064',
          source: 'Službena beleška 12/26',
          evaluationSource: 'B',
          evaluationInfo: 2,
          handlingCode: 'H0',
          kind: 'fact',
        },
      ],
    });
    expectNulRefused(response, 'statements.0.value');
  });
});
