import { and, asc, count, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { userRoles, users } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { JurisdictionCode, Locale, Role } from '@veza/shared';
import { rolesOf } from '../../platform/auth/account.repository.ts';
import { unitPlacements } from '../organisation/index.ts';
import type { listScope } from '../../platform/policy/index.ts';

export type ListScope = ReturnType<typeof listScope>;

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  unitName: string;
  agencyId: string;
  agencyName: string;
  jurisdiction: JurisdictionCode | null;
  language: Locale;
  status: 'active' | 'disabled';
  lockedUntil: Date | null;
  totpEnabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

type Placement = ReturnType<typeof unitPlacements>;

/** A user's columns, with the unit, agency and jurisdiction from the organisation module's placement. */
function userColumns(placement: Placement) {
  return {
    id: users.id,
    email: users.email,
    displayName: users.displayName,
    unitId: users.unitId,
    unitName: placement.unitName,
    agencyId: placement.agencyId,
    agencyName: placement.agencyName,
    jurisdiction: placement.jurisdiction,
    language: users.language,
    status: users.status,
    lockedUntil: users.lockedUntil,
    totpEnabled: sql<boolean>`("users"."totp_secret" is not null)`.mapWith(Boolean),
    lastSignInAt: users.lastSignInAt,
    createdAt: users.createdAt,
  };
}

export interface UserFilter {
  scope: ListScope;
  q?: string | undefined;
  jurisdiction?: JurisdictionCode | undefined;
  agencyId?: string | undefined;
  unitId?: string | undefined;
  role?: Role | undefined;
  status?: 'active' | 'disabled' | undefined;
}

function scopeCondition(scope: ListScope, placement: Placement): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'jurisdictions':
      return scope.codes.length === 0 ? sql`false` : inArray(placement.jurisdiction, scope.codes);
    case 'units':
      return scope.unitIds.length === 0 ? sql`false` : inArray(users.unitId, scope.unitIds);
    case 'self':
      return eq(users.id, scope.userId);
    case 'none':
      return sql`false`;
  }
}

function filterConditions(filter: UserFilter, placement: Placement): SQL | undefined {
  const text = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    scopeCondition(filter.scope, placement),
    text ? or(ilike(users.displayName, text), ilike(users.email, text)) : undefined,
    filter.jurisdiction ? eq(placement.jurisdiction, filter.jurisdiction) : undefined,
    filter.agencyId ? eq(placement.agencyId, filter.agencyId) : undefined,
    filter.unitId ? eq(users.unitId, filter.unitId) : undefined,
    filter.status ? eq(users.status, filter.status) : undefined,
    filter.role
      ? sql`exists (select 1 from user_roles ur where ur.user_id = "users"."id" and ur.role = ${filter.role})`
      : undefined,
  );
}

type RawUser = Omit<UserRow, 'roles' | 'jurisdiction' | 'language' | 'status'> & {
  jurisdiction: string | null;
  language: string;
  status: string;
};

async function withRoles(q: Queryable, rows: RawUser[]): Promise<UserRow[]> {
  const roles = await rolesOf(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    jurisdiction: r.jurisdiction as JurisdictionCode | null,
    language: r.language as Locale,
    status: r.status as UserRow['status'],
    roles: roles.get(r.id) ?? [],
  }));
}

export async function listUsers(
  q: Queryable,
  filter: UserFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const placement = unitPlacements(q);
  const where = filterConditions(filter, placement);
  const rows = await q
    .select(userColumns(placement))
    .from(users)
    .innerJoin(placement, eq(placement.unitId, users.unitId))
    .where(where)
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(page.limit)
    .offset(page.offset);
  const [totalRow] = await q
    .select({ n: count() })
    .from(users)
    .innerJoin(placement, eq(placement.unitId, users.unitId))
    .where(where);
  return { rows: await withRoles(q, rows), total: totalRow?.n ?? 0 };
}

export async function findUser(q: Queryable, id: string): Promise<UserRow | null> {
  const placement = unitPlacements(q);
  const rows = await q
    .select(userColumns(placement))
    .from(users)
    .innerJoin(placement, eq(placement.unitId, users.unitId))
    .where(eq(users.id, id))
    .limit(1);
  const [row] = await withRoles(q, rows);
  return row ?? null;
}

export async function emailInUse(q: Queryable, email: string, exceptId?: string): Promise<boolean> {
  const [row] = await q
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.email, email), exceptId ? ne(users.id, exceptId) : undefined));
  return (row?.n ?? 0) > 0;
}

export async function insertUser(
  q: Queryable,
  row: {
    id: string;
    email: string;
    displayName: string;
    unitId: string;
    language: Locale;
    passwordHash: string;
    mustChangePassword: boolean;
    roles: readonly Role[];
    isDemo?: boolean;
  },
): Promise<void> {
  const { roles, ...user } = row;
  await q.insert(users).values(user);
  await q.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role })));
}

export async function updateUser(
  q: Queryable,
  id: string,
  changes: {
    displayName?: string;
    unitId?: string;
    language?: Locale;
    status?: 'active' | 'disabled';
  },
): Promise<void> {
  const reactivated = changes.status === 'active' ? { failedAttempts: 0, lockedUntil: null } : {};
  await q
    .update(users)
    .set({ ...changes, ...reactivated, updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function replaceRoles(q: Queryable, userId: string, roles: readonly Role[]): Promise<void> {
  await q.delete(userRoles).where(eq(userRoles.userId, userId));
  await q.insert(userRoles).values(roles.map((role) => ({ userId, role })));
}

/** A fresh one-time password: the user must change it, and any lock-out ends. */
export async function setTemporaryPassword(
  q: Queryable,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await q
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: new Date(),
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
}

export async function resetTotp(q: Queryable, userId: string): Promise<void> {
  await q
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/** Active administrators other than `exceptId`, locking their rows so two concurrent demotions cannot both pass. */
export async function countOtherActiveAdministrators(q: Queryable, exceptId: string): Promise<number> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'sysadmin')))
    .where(and(eq(users.status, 'active'), ne(users.id, exceptId)))
    .for('update', { of: users });
  return rows.length;
}
