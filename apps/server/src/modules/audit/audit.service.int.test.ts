import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '@veza/db';
import type { AuditSearch, JurisdictionCode, Role } from '@veza/shared';
import { AuditSearchQuery } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { openTestDatabase } from '../../platform/testing/test-database.ts';
import type { TestDatabase } from '../../platform/testing/test-database.ts';
import { searchAuditTrail, verifyAuditTrail } from './audit.service.ts';

let counter = 0;
function actor(roles: Role[], jurisdiction: JurisdictionCode | null, email: string): Actor {
  counter += 1;
  return {
    userId: `0190a6c2-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    email,
    displayName: email,
    roles,
    unitId: '0190a6c2-2222-7000-8000-000000000001',
    agencyId: '0190a6c2-3333-7000-8000-000000000001',
    jurisdiction,
    language: 'en',
  };
}

function context(who: Actor, justification?: { scope: string; text: string }): RequestContext {
  const justifications = new Map(justification ? [[justification.scope, justification.text]] : []);
  return { actor: who, sessionId: 's', ip: '198.51.100.7', userAgent: 'vitest', justifications };
}

const REASON = { scope: 'session', text: 'Pritužba građanina br. 14/2025' };
const officerRs = actor(['officer'], 'RS', 'milica.jovanovic@ukp.mup.rs.example');
const officerAl = actor(['officer'], 'AL', 'arben.hoxha@policia.al.example');
const dpoRs = actor(['dpo'], 'RS', 'dpo.rs@demo.veza.example');
const regionalDpo = actor(['dpo'], null, 'dpo@ops.veza.example');

let database: TestDatabase;

/** Runs like the HTTP layer: one transaction per use case; a failure rolls everything back. */
async function run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(fn);
}
const query = (input: Record<string, unknown> = {}): AuditSearch => AuditSearchQuery.parse(input);

beforeAll(async () => {
  database = await openTestDatabase();
  await run(async (tx) => {
    await appendAudit(tx, context(officerRs), {
      operation: 'consultation',
      action: 'person.identity.view',
      recordType: 'person',
      recordId: 'person-1',
      subjectId: 'person-1',
      subjectLabel: 'Ђорђе Петровић',
      justification: 'Predmet KTO-7/25',
      outcome: 'allowed',
    });
    await appendAudit(tx, context(officerAl), {
      operation: 'disclosure',
      action: 'case.disclose',
      recordType: 'case',
      recordId: 'case-9',
      subjectLabel: 'Gjergj Krasniqi',
      recipients: ['MK'],
      outcome: 'allowed',
    });
    await appendAudit(tx, context(officerRs), {
      operation: 'sign_in',
      action: 'auth.sign_in',
      outcome: 'allowed',
    });
  });
});
afterAll(async () => {
  await database.dispose();
});

describe('searching the audit trail', () => {
  it('asks for a justification before showing anything', async () => {
    await expect(run((tx) => searchAuditTrail(context(dpoRs), tx, query()))).rejects.toMatchObject({
      code: 'justification_required',
    });
  });

  it('accepts a justification given for audit work', async () => {
    const ctx = context(dpoRs, { scope: 'audit', text: 'Periodic review of access' });
    await expect(run((tx) => searchAuditTrail(ctx, tx, query()))).resolves.toMatchObject({ total: 2 });
  });

  it('shows a national DPO only what was done in their jurisdiction, newest first', async () => {
    const result = await run((tx) => searchAuditTrail(context(dpoRs, REASON), tx, query()));
    // The DPO's own earlier searches belong to the RS trail too; the Albanian disclosure does not.
    const actions = result.items.map((entry) => entry.action).filter((action) => action !== 'audit.search');
    expect(actions).toEqual(['auth.sign_in', 'person.identity.view']);
    expect(result.items.every((entry) => entry.actorJurisdiction === 'RS')).toBe(true);
    expect(result.items[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('refuses a national DPO the trail of another jurisdiction', async () => {
    const error = await run((tx) =>
      searchAuditTrail(context(dpoRs, REASON), tx, query({ jurisdiction: 'AL' })),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'forbidden',
      audit: { action: 'audit.search', details: { reason: 'foreign_jurisdiction' } },
    });
  });

  it('refuses an officer, whatever the justification', async () => {
    await expect(
      run((tx) => searchAuditTrail(context(officerRs, REASON), tx, query())),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('finds entries about a person by part of their name, in any script', async () => {
    const cyrillic = await run((tx) =>
      searchAuditTrail(context(regionalDpo, REASON), tx, query({ person: 'петров' })),
    );
    expect(cyrillic.items.map((entry) => entry.recordId)).toEqual(['person-1']);
    const latin = await run((tx) =>
      searchAuditTrail(context(regionalDpo, REASON), tx, query({ person: 'krasniq' })),
    );
    expect(latin.items.map((entry) => entry.recordId)).toEqual(['case-9']);
    expect(latin.items[0]?.recipients).toEqual(['MK']);
  });

  it('filters by actor e-mail, operation and time, treating % literally', async () => {
    const dpo = context(regionalDpo, REASON);
    const byActor = await run((tx) =>
      searchAuditTrail(dpo, tx, query({ actor: 'HOXHA@policia', operation: 'disclosure' })),
    );
    expect(byActor.items.map((entry) => entry.action)).toEqual(['case.disclose']);
    const wildcard = await run((tx) => searchAuditTrail(dpo, tx, query({ actor: '%' })));
    expect(wildcard.total).toBe(0);
    const future = await run((tx) => searchAuditTrail(dpo, tx, query({ from: '2999-01-01T00:00:00Z' })));
    expect(future.total).toBe(0);
  });

  it('records every search as a consultation with its justification and filters', async () => {
    await run((tx) =>
      searchAuditTrail(context(regionalDpo, REASON), tx, query({ recordId: 'case-9', limit: 5 })),
    );
    const own = await run((tx) =>
      searchAuditTrail(context(regionalDpo, REASON), tx, query({ actorId: regionalDpo.userId, limit: 1 })),
    );
    expect(own.items[0]).toMatchObject({
      operation: 'consultation',
      action: 'audit.search',
      justification: REASON.text,
      actorEmail: regionalDpo.email,
      details: { filters: { recordId: 'case-9', limit: 5, offset: 0 }, total: 1 },
    });
  });

  it('pages with limit and offset while counting every match', async () => {
    const result = await run((tx) =>
      searchAuditTrail(
        context(regionalDpo, REASON),
        tx,
        query({ operation: 'consultation', limit: 1, offset: 1 }),
      ),
    );
    expect(result.items).toHaveLength(1);
    expect(result.total).toBeGreaterThan(1);
  });
});

describe('verifying the audit trail', () => {
  it('reports an intact chain to a DPO and records the check', async () => {
    const result = await run((tx) => verifyAuditTrail(context(dpoRs), tx));
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null });
    const last = await run((tx) =>
      searchAuditTrail(context(regionalDpo, REASON), tx, query({ actorId: dpoRs.userId, limit: 1 })),
    );
    expect(last.items[0]).toMatchObject({ action: 'audit.verify', details: { ok: true } });
  });

  it('refuses an analyst', async () => {
    await expect(
      run((tx) => verifyAuditTrail(context(actor(['analyst'], 'MK', 'a@x.example')), tx)),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
