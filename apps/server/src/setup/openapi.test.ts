import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverModules } from '../modules.ts';
import { openApiDocument } from './openapi.ts';

interface Operation {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
}
type Document = { paths: Record<string, Record<string, Operation>> };

// A tag is the name of a registered module (or the platform's health check): anything else is a typo.
const MODULES = ['health', ...serverModules().map((module) => module.name)];
const PUBLIC_OPERATIONS = [
  'get /api/health',
  'get /api/health/ready',
  'post /api/auth/login',
  // A calendar feed's secret address: calendar apps cannot sign in, the token is the credential.
  'get /api/calendar/feeds/{token}.ics',
];

const generated = await openApiDocument();
const document = JSON.parse(generated) as Document;
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ id: `${method} ${path}`, operation })),
);

describe('the committed API contract', () => {
  it('is what the routes say today (run `npm run openapi` after changing a route)', () => {
    const committed = readFileSync(new URL('../../../../openapi.json', import.meta.url), 'utf8');
    expect(committed === generated, 'openapi.json is stale: run `npm run openapi`').toBe(true);
  });

  it('gives every operation a summary and the tag of its module', () => {
    expect(operations.length).toBeGreaterThan(90);
    const lacking = operations
      .filter(({ operation }) => !operation.summary?.trim() || operation.tags?.length !== 1)
      .map(({ id }) => id);
    expect(lacking).toEqual([]);
    const strangers = operations.filter(({ operation }) => !MODULES.includes(operation.tags?.[0] ?? ''));
    expect(strangers.map(({ id }) => id)).toEqual([]);
  });

  it('states who may call each operation: public, the session, and for writes its CSRF token', () => {
    const stated = Object.fromEntries(operations.map(({ id, operation }) => [id, operation.security]));
    expect(Object.entries(stated).filter(([, security]) => security === undefined)).toEqual([]);
    for (const id of PUBLIC_OPERATIONS) expect(stated[id], id).toEqual([]);
    expect(stated['post /api/auth/logout']).toEqual([{ session: [], csrf: [] }, {}]);
    for (const [id, security] of Object.entries(stated)) {
      if (PUBLIC_OPERATIONS.includes(id) || id === 'post /api/auth/logout') continue;
      const expected = id.startsWith('get ') ? [{ session: [] }] : [{ session: [], csrf: [] }];
      expect(security, id).toEqual(expected);
    }
  });
});
