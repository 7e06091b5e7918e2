import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app-fixture.ts';

type Operations = Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
const { paths } = JSON.parse(readFileSync(new URL('../../../../openapi.json', import.meta.url), 'utf8')) as {
  paths: Operations;
};
// Every operation that requires a session, with its path parameters filled in.
const SOME_ID = '0190a3e8-0000-7000-8000-000000000000';
const secured = Object.entries(paths).flatMap(([path, methods]) =>
  Object.entries(methods)
    .filter(
      ([, operation]) =>
        operation.security?.length && !operation.security.some((s) => !Object.keys(s).length),
    )
    .map(([method, operation]) => ({
      method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: path.replace(/\{[^}]+\}/g, SOME_ID),
      id: `${method.toUpperCase()} ${path}`,
      security: operation.security,
    })),
);

// Looks the user up before it asks for the session: anyone gets 404 for any id, which reveals nothing.
const NOT_FOUND_FIRST = ['POST /api/users/{id}/revoke-sessions'];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.dispose());

describe('the security the API contract states', () => {
  it('holds: no operation that requires a session answers anyone without one', async () => {
    expect(secured.length).toBeGreaterThan(90);
    const answered: string[] = [];
    for (const { method, url, id } of secured) {
      const response = await t.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
      // A body the schema refuses is refused before the session is asked for; nothing else gets through.
      const refused =
        (response.statusCode === 401 && response.json().code === 'unauthenticated') ||
        (response.statusCode === 400 && response.json().code === 'validation_failed') ||
        (response.statusCode === 404 && NOT_FOUND_FIRST.includes(id));
      if (!refused) answered.push(`${method} ${url}: ${response.statusCode}`);
    }
    expect(answered).toEqual([]);
  });
});
