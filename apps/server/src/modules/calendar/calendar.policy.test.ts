import { describe, expect, it } from 'vitest';
import { listScope } from '../../platform/policy/index.ts';
import {
  ACTOR_ID,
  actor,
  testRoleTable,
  type Probe,
  type RoleTable,
} from '../../platform/policy/policy-table.testing.ts';

const OWN_FEED = { type: 'calendar_feed' as const, userId: ACTOR_ID };
const ANOTHER_USERS_FEED = { type: 'calendar_feed' as const, userId: '00000000-0000-4000-8000-00000000f00d' };

const PROBES: Probe[] = [
  { name: 'read their own feed', action: 'calendar.view', resource: OWN_FEED },
  { name: 'make or revoke their own feed address', action: 'calendar.manage', resource: OWN_FEED },
  { name: "read another user's feed", action: 'calendar.view', resource: ANOTHER_USERS_FEED },
  { name: "revoke another user's feed address", action: 'calendar.manage', resource: ANOTHER_USERS_FEED },
];

const EVERYONE = { own: 'Y Y . .', foreign: 'Y Y . .', regional: 'Y Y . .' };

/** Rows: the role; columns: actor of Serbia (own), of North Macedonia (foreign), of a regional body. */
const TABLE: RoleTable = {
  officer: EVERYONE,
  analyst: EVERYONE,
  supervisor: EVERYONE,
  prosecutor: EVERYONE,
  judge: EVERYONE,
  ngo_caseworker: EVERYONE,
  national_coordinator: EVERYONE,
  cooperation_officer: EVERYONE,
  trainer: EVERYONE,
  dpo: EVERYONE,
  // An administrator manages accounts, not other people's calendars.
  sysadmin: EVERYONE,
};

describe('calendar policy', () => {
  testRoleTable(PROBES, TABLE);

  it("reaches only the actor's own feed in a list", () => {
    expect(listScope(actor(['sysadmin'], null), 'calendar.view', 'calendar_feed')).toEqual({
      kind: 'self',
      userId: ACTOR_ID,
    });
  });
});
