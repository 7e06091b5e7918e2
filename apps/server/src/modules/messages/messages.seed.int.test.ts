import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagePermissionRequests, messages, messageThreads } from '@veza/db';
import { openTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { seedDemo } from '../../setup/seed-demo.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database, { password: 'demo password for tests' });
});
afterAll(async () => {
  await database?.dispose();
});

describe('demo messages', () => {
  it('tie H2 threads of the Novi Sad club case to North Macedonia and Montenegro, seen there by reference', async () => {
    const threads = await database.db.select().from(messageThreads);
    const serbian = threads.filter((t) => t.holderJurisdictionCode === 'RS' && t.linkKind === 'case');
    expect(serbian).toHaveLength(2);
    const abroad = threads.filter((t) => t.holderJurisdictionCode !== 'RS' && t.linkKind === 'case');
    expect(abroad.map((t) => [t.holderJurisdictionCode, t.linkId]).sort()).toEqual([
      ['ME', null],
      ['MK', null],
    ]);
    expect(abroad.every((t) => t.linkReference === serbian[0]?.linkReference)).toBe(true);
  });

  it('hold one forward refused and one granted, the granted one forwarded', async () => {
    const asked = await database.db.select().from(messagePermissionRequests);
    expect(
      asked
        .filter((p) => p.side === 'providing')
        .map((p) => p.status)
        .sort(),
    ).toEqual(['granted', 'refused']);
    const rows = await database.db.select().from(messages);
    expect(rows.filter((m) => m.forwardOfExchangeId !== null).map((m) => m.handlingCode)).toEqual(['H2']);
  });

  it('hold an H3 message with its restrictions and an H1 answer', async () => {
    const rows = await database.db.select().from(messages);
    expect(rows.filter((m) => m.handlingCode === 'H3').every((m) => (m.restrictions ?? '').length > 0)).toBe(
      true,
    );
    expect(rows.some((m) => m.handlingCode === 'H3')).toBe(true);
    expect(rows.some((m) => m.handlingCode === 'H1' && m.fromJurisdictionCode === 'ME')).toBe(true);
  });
});
