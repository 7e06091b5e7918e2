import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { JURISDICTIONS } from '@veza/shared';
import type {
  JurisdictionCode,
  Provider,
  ProviderCreate,
  ProviderListFilter,
  ProviderService,
  ProviderUpdate,
} from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize, listScope } from '../../platform/policy/index.ts';
import {
  agencyJurisdiction,
  findProvider,
  insertProviders,
  listProviders,
  updateProvider,
  type ProviderRow,
} from './referral.repository.ts';

export function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

export function presentProvider(actor: Actor, row: ProviderRow): Provider {
  const jurisdiction = row.jurisdictionCode as JurisdictionCode;
  return {
    id: row.id,
    jurisdiction,
    agencyId: row.agencyId,
    name: row.name,
    services: row.services as ProviderService[],
    capacity: row.capacity,
    available: row.available,
    languages: row.languages,
    openingHours: row.openingHours,
    open24h: row.open24h,
    acceptsChildren: row.acceptsChildren,
    city: row.city,
    phone: row.phone,
    email: row.email,
    active: row.active,
    allowed: allowedActions(actor, { type: 'provider', id: row.id, jurisdiction }),
  };
}

/** The directory, filtered. Inactive providers only for those who edit that jurisdiction's directory. */
export async function listProviderDirectory(
  q: Queryable,
  ctx: RequestContext,
  filter: ProviderListFilter,
): Promise<Provider[]> {
  const actor = signedIn(ctx);
  authorize(ctx, 'provider.view', {
    type: 'provider',
    jurisdiction: filter.jurisdiction ?? actor.jurisdiction ?? JURISDICTIONS[0],
  });
  let includeInactiveIn: readonly string[] | 'all' = [];
  if (filter.includeInactive === 'true') {
    const scope = listScope(actor, 'provider.manage', 'provider');
    includeInactiveIn = scope.kind === 'all' ? 'all' : scope.kind === 'jurisdictions' ? scope.codes : [];
  }
  const rows = await listProviders(q, { ...filter, includeInactiveIn });
  return rows.map((row) => presentProvider(actor, row));
}

function invalid(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', { fieldProblems: [{ path, code, message }] });
}

function checkCapacity(capacity: number | null, available: number | null): void {
  if (capacity !== null && available !== null && available > capacity)
    throw invalid('available', 'too_big', 'More places free than in all');
}

/** The provider's organisation in Veza must work in the same jurisdiction. */
async function checkAgency(q: Queryable, agencyId: string | null, jurisdiction: string): Promise<void> {
  if (agencyId === null) return;
  const found = await agencyJurisdiction(q, agencyId);
  if (found === undefined) throw invalid('agencyId', 'not_found', 'No such organisation');
  if (found !== jurisdiction)
    throw invalid('agencyId', 'foreign_jurisdiction', 'The organisation works in another jurisdiction');
}

export async function createProvider(
  q: Queryable,
  ctx: RequestContext,
  input: ProviderCreate,
): Promise<Provider> {
  const actor = signedIn(ctx);
  authorize(ctx, 'provider.manage', { type: 'provider', jurisdiction: input.jurisdiction });
  checkCapacity(input.capacity, input.available);
  await checkAgency(q, input.agencyId, input.jurisdiction);
  const id = uuidv7();
  const { jurisdiction, ...fields } = input;
  await insertProviders(q, [{ id, jurisdictionCode: jurisdiction, ...fields }]);
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'provider.manage',
    recordType: 'provider',
    recordId: id,
    outcome: 'allowed',
    details: { created: true, jurisdiction, name: input.name },
  });
  const row = await findProvider(q, id);
  if (!row) throw new Error('provider vanished inside its transaction');
  return presentProvider(actor, row);
}

export async function changeProvider(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  changes: ProviderUpdate,
): Promise<Provider> {
  const actor = signedIn(ctx);
  const row = await findProvider(q, id);
  if (!row) throw new AppError('not_found');
  authorize(ctx, 'provider.manage', {
    type: 'provider',
    id,
    jurisdiction: row.jurisdictionCode as JurisdictionCode,
  });
  checkCapacity(
    changes.capacity !== undefined ? changes.capacity : row.capacity,
    changes.available !== undefined ? changes.available : row.available,
  );
  if (changes.agencyId !== undefined) await checkAgency(q, changes.agencyId, row.jurisdictionCode);
  const updated = await updateProvider(q, id, changes);
  if (!updated) throw new AppError('not_found');
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'provider.manage',
    recordType: 'provider',
    recordId: id,
    outcome: 'allowed',
    details: { changed: Object.keys(changes).sort() },
  });
  return presentProvider(actor, updated);
}
