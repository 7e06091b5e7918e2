import { describe, expect, it } from 'vitest';
import { ROLES } from '@veza/shared';
import type { HandlingCode } from '@veza/shared';
import { decide, listScope } from '../../platform/policy/index.ts';
import {
  ACTOR_ID,
  actor,
  OWN_AGENCY,
  OWN_UNIT,
  testRoleTable,
  type Probe,
  type RoleTable,
} from '../../platform/policy/policy-table.testing.ts';
import type { CaseResource } from './cases.policy.ts';

const OTHER_UNIT = '00000000-0000-4000-8000-00000000000b';
const COLLEAGUE_ID = '00000000-0000-4000-8000-000000000002';

function caseOf(
  options: { unitId?: string; team?: boolean; handlingCode?: HandlingCode } = {},
): CaseResource {
  return {
    type: 'case',
    id: '00000000-0000-4000-8000-00000000c002',
    jurisdiction: 'RS',
    agencyId: OWN_AGENCY,
    unitId: options.unitId ?? OWN_UNIT,
    teamUserIds: options.team === false ? [COLLEAGUE_ID] : [ACTOR_ID],
    ownerUserIds: options.team === false ? [COLLEAGUE_ID] : [ACTOR_ID],
    handlingCode: options.handlingCode ?? 'H0',
  };
}

/** Questions about opening and joining cases of Serbia (RS); the actor sits in OWN_UNIT. */
const PROBES: readonly Probe[] = [
  { name: 'open an H0 case in their unit', action: 'case.create', resource: caseOf() },
  { name: 'open an H2 case in their unit', action: 'case.create', resource: caseOf({ handlingCode: 'H2' }) },
  { name: 'open a case in another unit', action: 'case.create', resource: caseOf({ unitId: OTHER_UNIT }) },
  {
    name: 'ask to join an H0 case they are not on',
    action: 'case.request_join',
    resource: caseOf({ unitId: OTHER_UNIT, team: false }),
  },
  { name: 'view an H3 case of their team', action: 'case.view', resource: caseOf({ handlingCode: 'H3' }) },
];

// One column per probe above: Y allowed, . refused. "foreign" actors are from North Macedonia (MK),
// "regional" ones belong to a regional body (no jurisdiction): they hold no case and join none by
// asking, but may sit on a team they were added to.
// prettier-ignore
const EXPECTED: RoleTable = {
  //                     H0   H2   other join team
  officer:              { own: 'Y    Y    .     Y    Y', foreign: '.    .    .     .    Y', regional: '.    .    .     .    Y' },
  analyst:              { own: 'Y    Y    .     Y    Y', foreign: '.    .    .     .    Y', regional: '.    .    .     .    Y' },
  supervisor:           { own: 'Y    Y    .     Y    Y', foreign: '.    .    .     .    Y', regional: '.    .    .     .    Y' },
  prosecutor:           { own: 'Y    Y    .     Y    Y', foreign: '.    .    .     .    Y', regional: '.    .    .     .    Y' },
  judge:                { own: '.    .    .     Y    Y', foreign: '.    .    .     .    Y', regional: '.    .    .     .    Y' },
  ngo_caseworker:       { own: '.    .    .     .    .', foreign: '.    .    .     .    .', regional: '.    .    .     .    .' },
  national_coordinator: { own: '.    .    .     .    .', foreign: '.    .    .     .    .', regional: '.    .    .     .    .' },
  cooperation_officer:  { own: '.    .    .     .    .', foreign: '.    .    .     .    .', regional: '.    .    .     .    .' },
  trainer:              { own: '.    .    .     .    .', foreign: '.    .    .     .    .', regional: '.    .    .     .    .' },
  dpo:                  { own: '.    .    .     .    .', foreign: '.    .    .     .    .', regional: '.    .    .     .    .' },
  sysadmin:             { own: '.    .    .     .    .', foreign: '.    .    .     .    .', regional: '.    .    .     .    .' },
};

describe('case policy: one row per role x jurisdiction x handling code x question', () => {
  testRoleTable(PROBES, EXPECTED);

  // The server asks with the actor's own jurisdiction, which for a regional member is none.
  it.each(ROLES)('refuses a regional %s opening a case, as a regional body', (role) => {
    const own: CaseResource = { ...caseOf(), jurisdiction: null };
    expect(decide(actor([role], null), 'case.create', own)).toEqual({
      allowed: false,
      reason: 'regional_body',
    });
  });

  it('gives a regional member nowhere to open a case or ask to join one', () => {
    expect(listScope(actor(['officer'], null), 'case.create', 'case').kind).toBe('none');
    expect(listScope(actor(['officer'], null), 'case.request_join', 'case').kind).toBe('none');
  });
});
