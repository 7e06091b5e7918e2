import type { AuditedAction } from '@veza/shared';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import type {
  Agency,
  AgencyCreate,
  AgencyUpdate,
  Jurisdiction,
  Unit,
  UnitCreate,
  UnitUpdate,
} from '@veza/shared';
import type { JurisdictionCode } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize, listScope } from '../../platform/policy/index.ts';
import type { Resource } from '../../platform/policy/index.ts';
import {
  agencyNameTaken,
  findAgency,
  findUnit,
  insertAgency,
  insertUnit,
  listAgencies,
  listJurisdictionsWithCounts,
  listUnits,
  unitNameTaken,
  updateAgency,
  updateUnit,
  type AgencyRow,
  type JurisdictionFilter,
  type UnitRow,
} from './organisation.repository.ts';

function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

function agencyResource(agency: { id?: string; jurisdiction: JurisdictionCode | null }): Resource {
  return agency.id === undefined
    ? { type: 'organisation', jurisdiction: agency.jurisdiction }
    : { type: 'organisation', jurisdiction: agency.jurisdiction, agencyId: agency.id };
}

function viewScope(actor: Actor): JurisdictionFilter {
  const scope = listScope(actor, 'organisation.view', 'organisation');
  if (scope.kind === 'all' || scope.kind === 'none') return scope;
  if (scope.kind === 'jurisdictions') return { kind: 'jurisdictions', codes: scope.codes };
  // Unit- or person-level scopes do not apply to the organisation: show nothing rather than guess.
  return { kind: 'none' };
}

function presentAgency(actor: Actor, row: AgencyRow): Agency {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    allowed: allowedActions(actor, agencyResource(row)),
  };
}

function presentUnit(actor: Actor, row: UnitRow): Unit {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    allowed: allowedActions(actor, {
      type: 'organisation',
      jurisdiction: row.jurisdiction,
      agencyId: row.agencyId,
    }),
  };
}

async function auditChange(
  tx: Queryable,
  ctx: RequestContext,
  input: {
    action: AuditedAction;
    recordType: 'agency' | 'unit';
    recordId: string;
    details: Record<string, unknown>;
  },
): Promise<void> {
  // Organisation data is not personal data, but who changed the administration is still accounted for.
  await appendAudit(tx, ctx, { operation: 'alteration', outcome: 'allowed', ...input });
}

export async function listJurisdictions(tx: Queryable, ctx: RequestContext): Promise<Jurisdiction[]> {
  signedIn(ctx);
  return listJurisdictionsWithCounts(tx);
}

export async function listVisibleAgencies(
  tx: Queryable,
  ctx: RequestContext,
  query: { jurisdiction?: JurisdictionCode | undefined; q?: string | undefined },
): Promise<Agency[]> {
  const actor = signedIn(ctx);
  const rows = await listAgencies(tx, {
    scope: viewScope(actor),
    jurisdiction: query.jurisdiction,
    text: query.q,
  });
  return rows.map((row) => presentAgency(actor, row));
}

async function loadAgency(tx: Queryable, ctx: RequestContext, id: string): Promise<AgencyRow> {
  const agency = await findAgency(tx, id);
  if (!agency) throw new AppError('not_found');
  authorize(ctx, 'organisation.view', agencyResource(agency));
  return agency;
}

export async function getAgency(tx: Queryable, ctx: RequestContext, id: string): Promise<Agency> {
  const actor = signedIn(ctx);
  return presentAgency(actor, await loadAgency(tx, ctx, id));
}

export async function createAgency(tx: Queryable, ctx: RequestContext, input: AgencyCreate): Promise<Agency> {
  const actor = signedIn(ctx);
  authorize(ctx, 'organisation.manage', { type: 'organisation', jurisdiction: input.jurisdiction });
  if (await agencyNameTaken(tx, input.name, input.jurisdiction)) throw new AppError('name_taken');
  const id = uuidv7();
  await insertAgency(tx, { id, ...input });
  await auditChange(tx, ctx, {
    action: 'organisation.agency.create',
    recordType: 'agency',
    recordId: id,
    details: input,
  });
  const created = await findAgency(tx, id);
  if (!created) throw new Error('agency vanished after insert');
  return presentAgency(actor, created);
}

export async function changeAgency(
  tx: Queryable,
  ctx: RequestContext,
  id: string,
  changes: AgencyUpdate,
): Promise<Agency> {
  const actor = signedIn(ctx);
  const agency = await loadAgency(tx, ctx, id);
  authorize(ctx, 'organisation.manage', agencyResource(agency));
  const jurisdiction = changes.jurisdiction === undefined ? agency.jurisdiction : changes.jurisdiction;
  if (jurisdiction !== agency.jurisdiction) {
    // Moving an agency needs the right to manage where it goes as well as where it was.
    authorize(ctx, 'organisation.manage', { type: 'organisation', jurisdiction, agencyId: id });
  }
  const name = changes.name ?? agency.name;
  if (
    (name !== agency.name || jurisdiction !== agency.jurisdiction) &&
    (await agencyNameTaken(tx, name, jurisdiction, id))
  ) {
    throw new AppError('name_taken');
  }
  await updateAgency(tx, id, changes);
  await auditChange(tx, ctx, {
    action: 'organisation.agency.update',
    recordType: 'agency',
    recordId: id,
    details: changes,
  });
  const updated = await findAgency(tx, id);
  if (!updated) throw new Error('agency vanished after update');
  return presentAgency(actor, updated);
}

export async function listVisibleUnits(
  tx: Queryable,
  ctx: RequestContext,
  query: { agencyId?: string | undefined; jurisdiction?: JurisdictionCode | undefined },
): Promise<Unit[]> {
  const actor = signedIn(ctx);
  const rows = await listUnits(tx, { scope: viewScope(actor), ...query });
  return rows.map((row) => presentUnit(actor, row));
}

export async function createUnit(tx: Queryable, ctx: RequestContext, input: UnitCreate): Promise<Unit> {
  const actor = signedIn(ctx);
  const agency = await findAgency(tx, input.agencyId);
  if (!agency) {
    throw new AppError('validation_failed', {
      fieldProblems: [{ path: 'agencyId', code: 'not_found', message: 'No such agency' }],
    });
  }
  authorize(ctx, 'organisation.manage', agencyResource(agency));
  if (await unitNameTaken(tx, agency.id, input.name)) throw new AppError('name_taken');
  const id = uuidv7();
  await insertUnit(tx, { id, ...input });
  await auditChange(tx, ctx, {
    action: 'organisation.unit.create',
    recordType: 'unit',
    recordId: id,
    details: input,
  });
  const created = await findUnit(tx, id);
  if (!created) throw new Error('unit vanished after insert');
  return presentUnit(actor, created);
}

export async function changeUnit(
  tx: Queryable,
  ctx: RequestContext,
  id: string,
  changes: UnitUpdate,
): Promise<Unit> {
  const actor = signedIn(ctx);
  const unit = await findUnit(tx, id);
  if (!unit) throw new AppError('not_found');
  authorize(ctx, 'organisation.manage', {
    type: 'organisation',
    jurisdiction: unit.jurisdiction,
    agencyId: unit.agencyId,
  });
  if (
    changes.name !== undefined &&
    changes.name !== unit.name &&
    (await unitNameTaken(tx, unit.agencyId, changes.name, id))
  ) {
    throw new AppError('name_taken');
  }
  await updateUnit(tx, id, changes);
  await auditChange(tx, ctx, {
    action: 'organisation.unit.update',
    recordType: 'unit',
    recordId: id,
    details: changes,
  });
  const updated = await findUnit(tx, id);
  if (!updated) throw new Error('unit vanished after update');
  return presentUnit(actor, updated);
}
