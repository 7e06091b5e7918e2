import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTestApp, signIn, type TestApp } from '../../testing/app-fixture.ts';
import { notify } from './notifications.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.dispose();
});

describe('notifications', () => {
  it('shows a user their own and their unit’s notifications, and nobody else’s', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
    const colleague = await createAccount(t.database, { roles: ['officer'], unitId: officer.unitId });
    const stranger = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
    await notify(t.database.db, {
      to: { userId: officer.id },
      kind: 'hit',
      payload: { caseReference: 'RS-2026-0001' },
      link: '/cases',
    });
    await notify(t.database.db, {
      to: { unitId: officer.unitId },
      kind: 'referral_received',
      payload: { referral: 'R-RS-0001' },
    });

    const own = await signIn(t.app, officer.email);
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/notifications', headers: own.headers })
    ).json();
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['hit', 'referral_received']);

    const peer = await signIn(t.app, colleague.email);
    const theirs = (
      await t.app.inject({ method: 'GET', url: '/api/notifications', headers: peer.headers })
    ).json();
    expect(theirs.items.map((n: { kind: string }) => n.kind)).toEqual(['referral_received']);

    const other = await signIn(t.app, stranger.email);
    const none = (
      await t.app.inject({ method: 'GET', url: '/api/notifications', headers: other.headers })
    ).json();
    expect(none).toEqual({ items: [], unread: 0 });

    // Reading someone else's notification is "not found"; reading one's own counts down.
    const hit = mine.items.find((n: { kind: string }) => n.kind === 'hit');
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${hit.id}/read`,
      headers: other.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${hit.id}/read`,
      headers: own.headers,
    });
    expect(read.statusCode).toBe(204);
    const after = (
      await t.app.inject({ method: 'GET', url: '/api/notifications', headers: own.headers })
    ).json();
    expect(after.unread).toBe(1);
  });

  it('sends a reminder with a dedupe key once only', async () => {
    const officer = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'ME' });
    const first = await notify(t.database.db, {
      to: { userId: officer.id },
      kind: 'reflection_ending',
      payload: { referral: 'R-ME-0002', endsOn: '2026-12-01' },
      dedupeKey: 'reflection_ending:test',
    });
    const again = await notify(t.database.db, {
      to: { userId: officer.id },
      kind: 'reflection_ending',
      payload: { referral: 'R-ME-0002', endsOn: '2026-12-01' },
      dedupeKey: 'reflection_ending:test',
    });
    expect([first, again]).toEqual([true, false]);
  });
});
