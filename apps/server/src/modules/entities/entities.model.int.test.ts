import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, Entity, EntitySummary } from '@veza/shared';
import {
  createAccount,
  createTestApp,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';

let t: TestApp;
let session: Signed;
let theCase: Case;

const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

const statement = (property: string, value: string) => ({
  property,
  value,
  source: 'Zapisnik o saslušanju 12/26',
  evaluationSource: 'B',
  evaluationInfo: 2,
  handlingCode: 'H0',
  kind: 'fact',
});

beforeAll(async () => {
  t = await createTestApp();
  const analyst = await createAccount(t.database, { roles: ['analyst'], jurisdiction: 'BA' });
  session = await signIn(t.app, analyst.email);
  theCase = (
    await as('POST', '/api/cases', { title: 'Operacija Drina', type: 'mixed', handlingCode: 'H0' })
  ).json<Case>();
});
afterAll(async () => {
  await t?.dispose();
});

describe('entities follow the FollowTheMoney model', () => {
  it('keeps a person, a phone and the link between them', async () => {
    const person = await as('POST', `/api/cases/${theCase.id}/entities`, {
      schema: 'Person',
      caption: 'Emir Hodžić',
      statements: [
        statement('name', 'Emir Hodžić'),
        statement('birthDate', '1989-02'),
        statement('nationality', 'ba'),
      ],
    });
    expect(person.statusCode).toBe(201);
    const phone = await as('POST', `/api/cases/${theCase.id}/entities`, {
      schema: 'Phone',
      caption: '+387 61 234 567',
      statements: [statement('number', '+38761234567')],
    });
    expect(phone.statusCode).toBe(201);
    const link = await as('POST', `/api/cases/${theCase.id}/entities`, {
      schema: 'UsesPhone',
      caption: 'Emir Hodžić → +387 61 234 567',
      statements: [
        statement('person', person.json<Entity>().id),
        statement('phone', phone.json<Entity>().id),
        statement('startDate', '2026-01'),
      ],
    });
    expect(link.statusCode).toBe(201);
  });

  it('refuses what the model does not know, says where, and stores nothing', async () => {
    const before = (await as('GET', `/api/cases/${theCase.id}/entities`)).json<EntitySummary[]>().length;

    const badDate = await as('POST', `/api/cases/${theCase.id}/entities`, {
      schema: 'Person',
      caption: 'Amra Delić',
      statements: [statement('name', 'Amra Delić'), statement('birthDate', '17.04.1991.')],
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'statements.1.value', code: 'invalid_format' }],
    });

    const wrongProperty = await as('POST', `/api/cases/${theCase.id}/entities`, {
      schema: 'Person',
      caption: 'Amra Delić',
      statements: [statement('name', 'Amra Delić'), statement('iban', 'BA391290079401028494')],
    });
    expect(wrongProperty.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'statements.1.value', code: 'unrecognized_keys' }],
    });

    const unknownSchema = await as('POST', `/api/cases/${theCase.id}/entities`, {
      schema: 'Smuggler',
      caption: 'Amra Delić',
      statements: [],
    });
    expect(unknownSchema.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'schema' }] });

    expect((await as('GET', `/api/cases/${theCase.id}/entities`)).json<EntitySummary[]>()).toHaveLength(
      before,
    );
  });

  it('checks a statement added later the same way', async () => {
    const entities = (await as('GET', `/api/cases/${theCase.id}/entities`)).json<EntitySummary[]>();
    const person = entities.find((e) => e.schema === 'Person');
    const added = await as('POST', `/api/cases/${theCase.id}/entities/${person?.id}/statements`, {
      ...statement('nationality', 'Bosnia'),
    });
    expect(added.statusCode).toBe(400);
    expect(added.json()).toMatchObject({ errors: [{ path: 'value', code: 'invalid_value' }] });
  });
});
