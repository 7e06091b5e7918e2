import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { caseJoinRequests, caseMembers, cases } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { JurisdictionScope } from '../../platform/policy/index.ts';
import { unitPlacements } from '../organisation/index.ts';
import { displayNames, namesWithUnits } from '../users/index.ts';
export { userExists } from '../users/index.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseMemberRow = typeof caseMembers.$inferSelect & { displayName: string };
export type JoinRequestRow = typeof caseJoinRequests.$inferSelect;

export interface LoadedCase {
  row: CaseRow;
  agencyId: string;
  members: CaseMemberRow[];
}

export async function findCase(q: Queryable, caseId: string): Promise<LoadedCase | null> {
  const placement = unitPlacements(q);
  const [found] = await q
    .select({ row: cases, agencyId: placement.agencyId })
    .from(cases)
    .innerJoin(placement, eq(placement.unitId, cases.owningUnitId))
    .where(eq(cases.id, caseId));
  if (!found) return null;
  const members = await membersOf(q, [caseId]);
  return { row: found.row, agencyId: found.agencyId, members: members.get(caseId) ?? [] };
}

export async function membersOf(
  q: Queryable,
  caseIds: readonly string[],
): Promise<Map<string, CaseMemberRow[]>> {
  const byCase = new Map<string, CaseMemberRow[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await q
    .select({
      caseId: caseMembers.caseId,
      userId: caseMembers.userId,
      role: caseMembers.role,
      addedBy: caseMembers.addedBy,
      addedAt: caseMembers.addedAt,
    })
    .from(caseMembers)
    .where(inArray(caseMembers.caseId, [...caseIds]))
    .orderBy(asc(caseMembers.addedAt), asc(caseMembers.userId));
  const names = await displayNames(
    q,
    rows.map((row) => row.userId),
  );
  for (const row of rows) {
    const member = { ...row, displayName: names.get(row.userId) ?? '' };
    byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), member]);
  }
  return byCase;
}

/**
 * Cases within a policy scope: 'self' is the actor's teams, 'units' adds the cases the units own
 * (supervisors) to the actor's teams, so a list never shows what a single read would refuse.
 */
export async function listCasesInScope(
  q: Queryable,
  scope: JurisdictionScope,
  actorId: string,
  filter: { status?: string | undefined; title?: string | undefined } = {},
): Promise<{ row: CaseRow; agencyId: string }[]> {
  if (scope.kind === 'none') return [];
  const onTeam = sql`exists (select 1 from ${caseMembers} where ${caseMembers.caseId} = ${cases.id} and ${caseMembers.userId} = ${actorId})`;
  const reach =
    scope.kind === 'all'
      ? undefined
      : scope.kind === 'units'
        ? or(onTeam, inArray(cases.owningUnitId, scope.unitIds))
        : scope.kind === 'jurisdictions'
          ? or(onTeam, inArray(cases.jurisdictionCode, scope.codes))
          : onTeam;
  const placement = unitPlacements(q);
  return q
    .select({ row: cases, agencyId: placement.agencyId })
    .from(cases)
    .innerJoin(placement, eq(placement.unitId, cases.owningUnitId))
    .where(
      and(
        reach,
        filter.status ? eq(cases.status, filter.status) : undefined,
        filter.title ? eq(cases.title, filter.title) : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt), asc(cases.id));
}

/** The next running number of a jurisdiction's cases in a year: `RS-2026-0007`. */
export async function nextReference(q: Queryable, jurisdiction: string, year: number): Promise<string> {
  const prefix = `${jurisdiction}-${year}-`;
  const [last] = await q
    .select({ reference: cases.reference })
    .from(cases)
    .where(like(cases.reference, `${prefix}%`))
    .orderBy(desc(cases.reference))
    .limit(1);
  const number = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(number).padStart(4, '0')}`;
}

export async function insertCase(q: Queryable, row: typeof cases.$inferInsert): Promise<void> {
  await q.insert(cases).values(row);
}

export async function updateCase(
  q: Queryable,
  caseId: string,
  changes: Partial<typeof cases.$inferInsert>,
): Promise<void> {
  await q
    .update(cases)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(cases.id, caseId));
}

export async function upsertMember(q: Queryable, row: typeof caseMembers.$inferInsert): Promise<void> {
  await q
    .insert(caseMembers)
    .values(row)
    .onConflictDoUpdate({ target: [caseMembers.caseId, caseMembers.userId], set: { role: row.role } });
}

export async function deleteMember(q: Queryable, caseId: string, userId: string): Promise<boolean> {
  const removed = await q
    .delete(caseMembers)
    .where(and(eq(caseMembers.caseId, caseId), eq(caseMembers.userId, userId)))
    .returning({ userId: caseMembers.userId });
  return removed.length > 0;
}

export async function insertJoinRequest(
  q: Queryable,
  row: typeof caseJoinRequests.$inferInsert,
): Promise<void> {
  await q.insert(caseJoinRequests).values(row);
}

export async function findJoinRequest(
  q: Queryable,
  caseId: string,
  requestId: string,
): Promise<JoinRequestRow | undefined> {
  const [row] = await q
    .select()
    .from(caseJoinRequests)
    .where(and(eq(caseJoinRequests.caseId, caseId), eq(caseJoinRequests.id, requestId)));
  return row;
}

export async function pendingJoinRequest(
  q: Queryable,
  caseId: string,
  userId: string,
): Promise<JoinRequestRow | undefined> {
  const [row] = await q
    .select()
    .from(caseJoinRequests)
    .where(
      and(
        eq(caseJoinRequests.caseId, caseId),
        eq(caseJoinRequests.userId, userId),
        eq(caseJoinRequests.status, 'pending'),
      ),
    );
  return row;
}

/** A request with who asks: the owner decides on a colleague, not on an id. */
export type JoinRequestWithRequester = JoinRequestRow & { requesterName: string; requesterUnit: string };

export async function listJoinRequests(q: Queryable, caseId: string): Promise<JoinRequestWithRequester[]> {
  const rows = await q
    .select()
    .from(caseJoinRequests)
    .where(eq(caseJoinRequests.caseId, caseId))
    .orderBy(asc(caseJoinRequests.createdAt), asc(caseJoinRequests.id));
  const requesters = await namesWithUnits(
    q,
    rows.map((r) => r.userId),
  );
  // A requester always exists (foreign key); the empty strings only satisfy the type.
  return rows.map((r) => ({
    ...r,
    requesterName: requesters.get(r.userId)?.displayName ?? '',
    requesterUnit: requesters.get(r.userId)?.unitName ?? '',
  }));
}

/** Decides a pending request once: false when it was decided meanwhile. */
export async function decideJoinRequest(
  q: Queryable,
  requestId: string,
  decision: { status: 'granted' | 'refused'; decidedBy: string },
): Promise<boolean> {
  const rows = await q
    .update(caseJoinRequests)
    .set({ status: decision.status, decidedBy: decision.decidedBy, decidedAt: new Date() })
    .where(and(eq(caseJoinRequests.id, requestId), eq(caseJoinRequests.status, 'pending')))
    .returning({ id: caseJoinRequests.id });
  return rows.length > 0;
}

/** A case found by its exact title with no access check: for seeding the demo only. */
export async function demoCaseByTitle(
  q: Queryable,
  title: string,
): Promise<Pick<CaseRow, 'id' | 'createdBy' | 'handlingCode'> | undefined> {
  const [found] = await q
    .select({ id: cases.id, createdBy: cases.createdBy, handlingCode: cases.handlingCode })
    .from(cases)
    .where(eq(cases.title, title));
  return found;
}

/** Each case's reference and the users who own it: whom linkage tells of a hit in the case. */
export async function caseOwners(
  q: Queryable,
  caseIds: readonly string[],
): Promise<{ id: string; reference: string; owners: string[] | null }[]> {
  return q
    .select({
      id: cases.id,
      reference: cases.reference,
      owners: sql<string[] | null>`(
          SELECT array_agg(cm.user_id) FROM case_members cm WHERE cm.case_id = ${cases.id} AND cm.role = 'owner')`,
    })
    .from(cases)
    .where(inArray(cases.id, [...caseIds]));
}
