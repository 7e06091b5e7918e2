import { eq, inArray } from 'drizzle-orm';
import { agencies, units, userRoles, users } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { AgencyKind, JurisdictionCode, Locale, Role } from '@veza/shared';
import type { Actor } from '../context.ts';

/** A user as sign-in, sessions and the profile need it: the row, its roles and where it works. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  language: Locale;
  passwordHash: string;
  mustChangePassword: boolean;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: number | null;
  status: 'active' | 'disabled';
  failedAttempts: number;
  lockedUntil: Date | null;
  isDemo: boolean;
  roles: Role[];
  unit: { id: string; name: string };
  agency: { id: string; name: string; kind: AgencyKind };
  jurisdiction: JurisdictionCode | null;
}

const accountColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  language: users.language,
  passwordHash: users.passwordHash,
  mustChangePassword: users.mustChangePassword,
  totpSecret: users.totpSecret,
  totpPendingSecret: users.totpPendingSecret,
  totpLastStep: users.totpLastStep,
  status: users.status,
  failedAttempts: users.failedAttempts,
  lockedUntil: users.lockedUntil,
  isDemo: users.isDemo,
  unitId: units.id,
  unitName: units.name,
  agencyId: agencies.id,
  agencyName: agencies.name,
  agencyKind: agencies.kind,
  jurisdiction: agencies.jurisdictionCode,
};

export async function findAccountById(q: Queryable, id: string): Promise<Account | null> {
  return findAccount(q, eq(users.id, id));
}

export async function findAccountByEmail(q: Queryable, email: string): Promise<Account | null> {
  return findAccount(q, eq(users.email, email.trim().toLowerCase()));
}

async function findAccount(q: Queryable, where: ReturnType<typeof eq>): Promise<Account | null> {
  const [row] = await q
    .select(accountColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(where)
    .limit(1);
  if (!row) return null;
  const roles = await rolesOf(q, [row.id]);
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    language: row.language as Locale,
    passwordHash: row.passwordHash,
    mustChangePassword: row.mustChangePassword,
    totpSecret: row.totpSecret,
    totpPendingSecret: row.totpPendingSecret,
    totpLastStep: row.totpLastStep,
    status: row.status as Account['status'],
    failedAttempts: row.failedAttempts,
    lockedUntil: row.lockedUntil,
    isDemo: row.isDemo,
    roles: roles.get(row.id) ?? [],
    unit: { id: row.unitId, name: row.unitName },
    agency: { id: row.agencyId, name: row.agencyName, kind: row.agencyKind as AgencyKind },
    jurisdiction: row.jurisdiction as JurisdictionCode | null,
  };
}

/** Roles of several users in one query, in the order of ROLES as stored. */
export async function rolesOf(q: Queryable, userIds: readonly string[]): Promise<Map<string, Role[]>> {
  const byUser = new Map<string, Role[]>();
  if (userIds.length === 0) return byUser;
  const rows = await q
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .where(inArray(userRoles.userId, [...userIds]))
    .orderBy(userRoles.userId, userRoles.role);
  for (const row of rows) {
    const list = byUser.get(row.userId) ?? [];
    list.push(row.role as Role);
    byUser.set(row.userId, list);
  }
  return byUser;
}

export function actorOf(account: Account): Actor {
  return {
    userId: account.id,
    email: account.email,
    displayName: account.displayName,
    roles: account.roles,
    unitId: account.unit.id,
    agencyId: account.agency.id,
    jurisdiction: account.jurisdiction,
    language: account.language,
  };
}

/** Administrators must use two-factor authentication before they may do anything else. */
export function totpEnrolmentRequired(account: Pick<Account, 'roles' | 'totpSecret'>): boolean {
  return account.roles.includes('sysadmin') && account.totpSecret === null;
}
