import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import type {
  Case,
  CaseCreate,
  CaseListQuery,
  CaseMemberAddSchema,
  CaseStatus,
  CaseType,
  CaseUpdate,
  HandlingCode,
  JoinRequest,
  JurisdictionCode,
} from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize, listScope } from '../../platform/policy/index.ts';
import { authorizedCase, caseResource, signedIn } from './cases.access.ts';
import {
  decideJoinRequest as decideRequestRow,
  deleteMember,
  findCase,
  findJoinRequest,
  insertCase,
  insertJoinRequest,
  listCasesInScope,
  listJoinRequests as listRequestRows,
  membersOf,
  nextReference,
  pendingJoinRequest,
  updateCase as updateCaseRow,
  upsertMember,
  userExists,
  type JoinRequestRow,
  type LoadedCase,
} from './cases.repository.ts';
import { alreadyDecided, invalidCaseInput } from './cases.errors.ts';

type CaseFilter = z.output<typeof CaseListQuery>;
type MemberAdd = z.output<typeof CaseMemberAddSchema>;

export function presentCase(actor: Actor, loaded: LoadedCase): Case {
  const { row } = loaded;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    type: row.type as CaseType,
    jurisdiction: row.jurisdictionCode as JurisdictionCode,
    owningUnitId: row.owningUnitId,
    handlingCode: row.handlingCode as HandlingCode,
    status: row.status as CaseStatus,
    legalBasis: row.legalBasis,
    prosecutorId: row.prosecutorId,
    notes: row.notes,
    members: loaded.members.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      role: m.role as 'owner' | 'member',
      addedAt: m.addedAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowed: allowedActions(actor, caseResource(loaded)),
  };
}

async function reload(q: Queryable, caseId: string): Promise<LoadedCase> {
  const loaded = await findCase(q, caseId);
  if (!loaded) throw new AppError('not_found');
  return loaded;
}

async function checkProsecutor(q: Queryable, prosecutorId: string | null | undefined): Promise<void> {
  if (prosecutorId && !(await userExists(q, prosecutorId)))
    throw invalidCaseInput([{ path: 'prosecutorId', code: 'not_found', message: 'No such user' }]);
}

/** Opens a case in the creator's unit and jurisdiction; the creator is its first owner. */
export async function createCase(q: Queryable, ctx: RequestContext, input: CaseCreate): Promise<Case> {
  const actor = signedIn(ctx);
  const id = uuidv7();
  // Null for a regional body, which the case policy refuses ('regional_body').
  const jurisdiction = actor.jurisdiction;
  authorize(ctx, 'case.create', {
    type: 'case',
    id,
    jurisdiction,
    agencyId: actor.agencyId,
    unitId: actor.unitId,
    teamUserIds: [actor.userId],
    ownerUserIds: [actor.userId],
    handlingCode: input.handlingCode,
  });
  // Unreachable after the policy's refusal; it tells the compiler the jurisdiction is known.
  if (jurisdiction === null) throw new AppError('forbidden');
  await checkProsecutor(q, input.prosecutorId);
  const now = new Date();
  const reference = await nextReference(q, jurisdiction, now.getUTCFullYear());
  await insertCase(q, {
    id,
    reference,
    title: input.title,
    type: input.type,
    jurisdictionCode: jurisdiction,
    owningUnitId: actor.unitId,
    handlingCode: input.handlingCode,
    status: 'open',
    legalBasis: input.legalBasis ?? null,
    prosecutorId: input.prosecutorId ?? null,
    notes: input.notes ?? null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await upsertMember(q, { caseId: id, userId: actor.userId, role: 'owner', addedBy: null, addedAt: now });
  await appendAudit(q, ctx, {
    operation: 'collection',
    action: 'case.create',
    recordType: 'case',
    recordId: id,
    outcome: 'allowed',
    details: { reference, type: input.type, handlingCode: input.handlingCode },
  });
  return presentCase(actor, await reload(q, id));
}

/** The cases the actor may see: their teams, and for supervisors the cases of their unit. */
export async function listCases(q: Queryable, ctx: RequestContext, filter: CaseFilter): Promise<Case[]> {
  const actor = signedIn(ctx);
  const rows = await listCasesInScope(q, listScope(actor, 'case.view', 'case'), actor.userId, filter);
  const members = await membersOf(
    q,
    rows.map((r) => r.row.id),
  );
  return rows.map((r) => presentCase(actor, { ...r, members: members.get(r.row.id) ?? [] }));
}

export async function getCase(q: Queryable, ctx: RequestContext, caseId: string): Promise<Case> {
  const loaded = await authorizedCase(q, ctx, caseId, 'case.view');
  return presentCase(signedIn(ctx), loaded);
}

export async function updateCase(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  input: CaseUpdate,
): Promise<Case> {
  await authorizedCase(q, ctx, caseId, 'case.edit');
  await checkProsecutor(q, input.prosecutorId);
  await updateCaseRow(q, caseId, input);
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'case.edit',
    recordType: 'case',
    recordId: caseId,
    outcome: 'allowed',
    details: { fields: Object.keys(input).sort() },
  });
  return presentCase(signedIn(ctx), await reload(q, caseId));
}

export async function addMember(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  input: MemberAdd,
): Promise<Case> {
  const actor = signedIn(ctx);
  await authorizedCase(q, ctx, caseId, 'case.manage_team');
  if (!(await userExists(q, input.userId)))
    throw invalidCaseInput([{ path: 'userId', code: 'not_found', message: 'No such user' }]);
  await upsertMember(q, { caseId, userId: input.userId, role: input.role, addedBy: actor.userId });
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'case.manage_team',
    recordType: 'case',
    recordId: caseId,
    outcome: 'allowed',
    details: { added: input.userId, role: input.role },
  });
  return presentCase(actor, await reload(q, caseId));
}

export async function removeMember(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  userId: string,
): Promise<Case> {
  const loaded = await authorizedCase(q, ctx, caseId, 'case.manage_team');
  const owners = loaded.members.filter((m) => m.role === 'owner');
  // A case without an owner could never change its team again.
  if (owners.length === 1 && owners[0]?.userId === userId)
    throw new AppError('last_case_owner', { message: 'The last owner cannot leave the team' });
  if (!(await deleteMember(q, caseId, userId))) throw new AppError('not_found');
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'case.manage_team',
    recordType: 'case',
    recordId: caseId,
    outcome: 'allowed',
    details: { removed: userId },
  });
  return presentCase(signedIn(ctx), await reload(q, caseId));
}

function presentRequest(
  row: JoinRequestRow,
  requester: { requesterName: string | null; requesterUnit: string | null } = {
    requesterName: null,
    requesterUnit: null,
  },
): JoinRequest {
  return {
    id: row.id,
    caseId: row.caseId,
    userId: row.userId,
    requesterName: requester.requesterName,
    requesterUnit: requester.requesterUnit,
    reason: row.reason,
    status: row.status as JoinRequest['status'],
    createdAt: row.createdAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** Asking to join reveals nothing of the case: the answer is the request, never the case. */
export async function requestToJoin(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  reason: string,
): Promise<JoinRequest> {
  const actor = signedIn(ctx);
  await authorizedCase(q, ctx, caseId, 'case.request_join');
  if (await pendingJoinRequest(q, caseId, actor.userId))
    throw new AppError('join_request_pending', { message: 'A request of yours is already waiting' });
  const row: JoinRequestRow = {
    id: uuidv7(),
    caseId,
    userId: actor.userId,
    reason,
    status: 'pending',
    createdAt: new Date(),
    decidedBy: null,
    decidedAt: null,
  };
  await insertJoinRequest(q, row);
  await appendAudit(q, ctx, {
    operation: 'collection',
    action: 'case.request_join',
    recordType: 'case',
    recordId: caseId,
    outcome: 'allowed',
    details: { request: row.id },
  });
  return presentRequest(row, { requesterName: actor.displayName, requesterUnit: null });
}

export async function listJoinRequests(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
): Promise<JoinRequest[]> {
  await authorizedCase(q, ctx, caseId, 'case.manage_team');
  return (await listRequestRows(q, caseId)).map((row) => presentRequest(row, row));
}

/** The owner decides; granting puts the requester on the team as a member. */
export async function decideJoinRequest(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  requestId: string,
  decision: 'granted' | 'refused',
): Promise<JoinRequest> {
  const actor = signedIn(ctx);
  await authorizedCase(q, ctx, caseId, 'case.manage_team');
  const request = await findJoinRequest(q, caseId, requestId);
  if (!request) throw new AppError('not_found');
  if (!(await decideRequestRow(q, requestId, { status: decision, decidedBy: actor.userId })))
    throw alreadyDecided('The request');
  if (decision === 'granted')
    await upsertMember(q, { caseId, userId: request.userId, role: 'member', addedBy: actor.userId });
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'case.manage_team',
    recordType: 'case',
    recordId: caseId,
    outcome: 'allowed',
    details: { request: requestId, decision, user: request.userId },
  });
  const decided = await findJoinRequest(q, caseId, requestId);
  if (!decided) throw new AppError('not_found');
  return presentRequest(decided);
}
