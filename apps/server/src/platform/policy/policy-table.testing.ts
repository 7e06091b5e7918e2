import { expect, it } from 'vitest';
import { ROLES } from '@veza/shared';
import type { Action, JurisdictionCode, Role } from '@veza/shared';
import type { Actor } from '../context.ts';
// The tables ask the engine, so every module's policy is registered first.
import '../../policies.ts';
import { decide } from './index.ts';
import type { Resource } from './index.ts';

/*
 * The policy tests are tables (HOUSE-STYLE, "Authorization"): one row per role x jurisdiction x
 * question. This is the one copy of what builds them, for every *.policy.test.ts (tests only).
 */

export const ACTOR_ID = '00000000-0000-4000-8000-000000000001';
/** The unit and organisation the actor of a table works in. */
export const OWN_UNIT = '00000000-0000-4000-8000-00000000000a';
export const OWN_AGENCY = '00000000-0000-4000-8000-0000000000a1';

/** A signed-in member of OWN_UNIT of OWN_AGENCY, in Serbia unless told otherwise (null: regional). */
export function actor(
  roles: Role[],
  jurisdiction: JurisdictionCode | null = 'RS',
  overrides: Partial<Actor> = {},
): Actor {
  return {
    userId: ACTOR_ID,
    email: 'someone@example.org',
    displayName: 'Someone',
    roles,
    unitId: OWN_UNIT,
    agencyId: OWN_AGENCY,
    jurisdiction,
    language: 'en',
    ...overrides,
  };
}

/** One question of a table: may the actor take this action on this record? */
export interface Probe {
  name: string;
  action: Action;
  resource: Resource;
}

/** One line of answers, a column per probe: `Y` allowed, `.` refused. */
export function answers(line: string): boolean[] {
  return line.split(/\s+/).map((answer) => answer === 'Y');
}

/**
 * A role's answers about records of Serbia (RS) when the actor is of Serbia too (`own`), when the
 * actor is of North Macedonia (MK, `foreign`), and, where the table has the column, when the actor
 * is a member of a regional body (no jurisdiction, `regional`).
 */
export type RoleTable = Record<Role, { own: string; foreign: string; regional?: string }>;

type Where = 'own' | 'foreign' | 'regional';

const JURISDICTION_OF: Record<Where, JurisdictionCode | null> = { own: 'RS', foreign: 'MK', regional: null };

function columnsOf(table: RoleTable): Where[] {
  return ROLES.some((role) => table[role].regional !== undefined)
    ? ['own', 'foreign', 'regional']
    : ['own', 'foreign'];
}

/**
 * The tests of a role table, inside the caller's describe: every role answers every probe, and each
 * role x jurisdiction x probe is one test that asks `decide`.
 */
export function testRoleTable(probes: readonly Probe[], table: RoleTable): void {
  const where = columnsOf(table);
  it('has an answer for every probe of every role', () => {
    for (const role of ROLES)
      for (const column of where)
        expect(answers(table[role][column] ?? ''), `${role} ${column}`).toHaveLength(probes.length);
  });

  const rows = ROLES.flatMap((role) =>
    where.flatMap((column) => {
      const expected = answers(table[role][column] ?? '');
      return probes.map((probe, i) => ({
        role,
        where: column,
        probe: probe.name,
        action: probe.action,
        resource: probe.resource,
        expected: expected[i] === true,
      }));
    }),
  );

  it.each(rows)(
    '$role ($where jurisdiction) may $probe: $expected',
    ({ role, where, action, resource, expected }) => {
      const who = actor([role], JURISDICTION_OF[where]);
      expect(decide(who, action, resource).allowed).toBe(expected);
    },
  );
}
