import { count, sql } from 'drizzle-orm';
import { agencies, jurisdictions, units, userRoles, users } from '@veza/db';
import type { Queryable } from '@veza/db';
import { JURISDICTION_DEFAULT_LOCALE, JURISDICTIONS } from '@veza/shared';
import type { AgencyKind, JurisdictionCode, Locale, Role, UnitKind } from '@veza/shared';

/** The seven rows every installation has, whatever the migrations did; safe to run on every start. */
export async function upsertJurisdictions(q: Queryable): Promise<void> {
  await q
    .insert(jurisdictions)
    .values(JURISDICTIONS.map((code) => ({ code, defaultLanguage: JURISDICTION_DEFAULT_LOCALE[code] })))
    .onConflictDoUpdate({
      target: jurisdictions.code,
      set: { defaultLanguage: sql`excluded.default_language` },
    });
}

export async function countUsers(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function insertAgencies(
  q: Queryable,
  rows: readonly { id: string; name: string; kind: AgencyKind; jurisdiction: JurisdictionCode | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await q
    .insert(agencies)
    .values(rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, jurisdictionCode: r.jurisdiction })));
}

export async function insertUnits(
  q: Queryable,
  rows: readonly { id: string; agencyId: string; name: string; kind: UnitKind }[],
): Promise<void> {
  if (rows.length === 0) return;
  await q
    .insert(units)
    .values(rows.map((r) => ({ id: r.id, agencyId: r.agencyId, name: r.name, kind: r.kind })));
}

export interface NewAccount {
  id: string;
  email: string;
  displayName: string;
  unitId: string;
  language: Locale;
  passwordHash: string;
  mustChangePassword: boolean;
  isDemo: boolean;
  roles: readonly Role[];
}

/** Bulk insert in chunks: one statement per chunk instead of one per user. */
export async function insertAccounts(
  q: Queryable,
  rows: readonly NewAccount[],
  chunkSize = 500,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    await q
      .insert(users)
      .values(chunk.map(({ roles: _roles, ...user }) => ({ ...user, email: user.email.toLowerCase() })));
    const roleRows = chunk.flatMap((u) => [...new Set(u.roles)].map((role) => ({ userId: u.id, role })));
    if (roleRows.length > 0) await q.insert(userRoles).values(roleRows);
  }
}
