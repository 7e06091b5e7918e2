import { describe, expect, it } from 'vitest';
import { ROLES } from '@veza/shared';
import { capabilities, decide, listScope } from '../../platform/policy/index.ts';
import type { Resource } from '../../platform/policy/index.ts';
import {
  actor,
  OWN_AGENCY,
  OWN_UNIT,
  testRoleTable,
  type Probe,
  type RoleTable,
} from '../../platform/policy/policy-table.testing.ts';

const OTHER_UNIT = '00000000-0000-4000-8000-00000000000b';

const victim = (
  unitId: string,
  referrals: Extract<Resource, { type: 'victim' }>['referrals'] = [],
): Resource => ({
  type: 'victim',
  id: '00000000-0000-4000-8000-0000000000p1',
  jurisdiction: 'RS',
  unitId,
  referrals,
});

/** Questions about records of Serbia (RS); the actor sits in OWN_UNIT of OWN_AGENCY. */
const PROBES: readonly Probe[] = [
  { name: 'view a person of their unit', action: 'victim.view', resource: victim(OWN_UNIT) },
  {
    name: 'see the identity of a person of their unit',
    action: 'victim.identity.view',
    resource: victim(OWN_UNIT),
  },
  {
    name: 'record consent for a person of their unit',
    action: 'victim.consent.record',
    resource: victim(OWN_UNIT),
  },
  { name: 'view a person of another unit', action: 'victim.view', resource: victim(OTHER_UNIT) },
  {
    name: 'view a person referred to their agency',
    action: 'victim.view',
    resource: victim(OTHER_UNIT, [
      { agencyId: OWN_AGENCY, toJurisdiction: null, sharedScope: ['screening'] },
    ]),
  },
  {
    name: 'see the identity of a person referred to their agency without identity in scope',
    action: 'victim.identity.view',
    resource: victim(OTHER_UNIT, [
      { agencyId: OWN_AGENCY, toJurisdiction: null, sharedScope: ['screening'] },
    ]),
  },
  {
    name: 'see the identity of a person referred to their agency with identity in scope',
    action: 'victim.identity.view',
    resource: victim(OTHER_UNIT, [{ agencyId: OWN_AGENCY, toJurisdiction: null, sharedScope: ['identity'] }]),
  },
  {
    name: 'view a person referred to the MK coordinators',
    action: 'victim.view',
    resource: victim(OTHER_UNIT, [{ agencyId: null, toJurisdiction: 'MK', sharedScope: ['identity'] }]),
  },
];

// One column per probe above: Y allowed, . refused. "foreign" actors are from North Macedonia (MK),
// "regional" ones belong to a regional body (no jurisdiction): only a referral to their agency opens a person.
// prettier-ignore
const EXPECTED: RoleTable = {
  //                     pview pid  cons  pother ngo  ngoid ngoid+ toMK
  officer:              { own: 'Y     Y    Y     .     .    .     .      .', foreign: '.     .    .     .     .    .     .      .', regional: '.     .    .     .     .    .     .      .' },
  analyst:              { own: '.     .    .     .     .    .     .      .', foreign: '.     .    .     .     .    .     .      .', regional: '.     .    .     .     .    .     .      .' },
  supervisor:           { own: 'Y     Y    Y     .     .    .     .      .', foreign: '.     .    .     .     .    .     .      .', regional: '.     .    .     .     .    .     .      .' },
  prosecutor:           { own: '.     .    .     .     .    .     .      .', foreign: '.     .    .     .     .    .     .      .', regional: '.     .    .     .     .    .     .      .' },
  judge:                { own: '.     .    .     .     .    .     .      .', foreign: '.     .    .     .     .    .     .      .', regional: '.     .    .     .     .    .     .      .' },
  ngo_caseworker:       { own: '.     .    .     .     Y    .     Y      .', foreign: '.     .    .     .     Y    .     Y      .', regional: '.     .    .     .     Y    .     Y      .' },
  national_coordinator: { own: 'Y     Y    Y     Y     Y    Y     Y      Y', foreign: '.     .    .     .     .    .     .      Y', regional: '.     .    .     .     .    .     .      .' },
  cooperation_officer:  { own: '.     .    .     .     .    .     .      .', foreign: '.     .    .     .     .    .     .      .', regional: '.     .    .     .     .    .     .      .' },
  trainer:              { own: '.     .    .     .     .    .     .      .', foreign: '.     .    .     .     .    .     .      .', regional: '.     .    .     .     .    .     .      .' },
  dpo:                  { own: '.     .    .     .     .    .     .      .', foreign: '.     .    .     .     .    .     .      .', regional: '.     .    .     .     .    .     .      .' },
  sysadmin:             { own: '.     .    .     .     .    .     .      .', foreign: '.     .    .     .     .    .     .      .', regional: '.     .    .     .     .    .     .      .' },
};

describe('person policy (victim identification): one row per role x jurisdiction x question', () => {
  testRoleTable(PROBES, EXPECTED);

  it('keeps regional members out, whatever their role', () => {
    for (const role of ROLES) {
      expect(decide(actor([role], null), 'victim.view', victim(OWN_UNIT)).allowed).toBe(false);
    }
  });

  // The server asks with the actor's own jurisdiction, which for a regional member is none.
  it.each(ROLES)('refuses a regional %s recording a person, as regional', (role) => {
    const own = { type: 'victim', id: 'p', jurisdiction: null, unitId: OWN_UNIT, referrals: [] } as const;
    expect(decide(actor([role], null), 'victim.create', own)).toEqual({ allowed: false, reason: 'regional' });
  });

  it('scopes lists: the unit for officers, the jurisdiction for coordinators, referrals for NGOs', () => {
    expect(listScope(actor(['officer']), 'victim.view', 'victim')).toEqual({
      kind: 'units',
      unitIds: [OWN_UNIT],
    });
    expect(listScope(actor(['national_coordinator']), 'victim.view', 'victim')).toEqual({
      kind: 'jurisdictions',
      codes: ['RS'],
    });
    expect(listScope(actor(['ngo_caseworker']), 'victim.view', 'victim').kind).toBe('self');
    expect(listScope(actor(['analyst']), 'victim.view', 'victim').kind).toBe('none');
  });

  it('gives the person list to the front line and to NGO caseworkers', () => {
    expect(capabilities(actor(['officer']))).toContain('victim.view');
    expect(capabilities(actor(['ngo_caseworker']))).toContain('victim.view');
    expect(capabilities(actor(['trainer']))).not.toContain('victim.view');
  });

  it('names the reason for a refusal, for the audit trail', () => {
    expect(decide(actor(['officer']), 'victim.view', victim(OTHER_UNIT)).reason).toBe('other_unit');
    expect(decide(actor(['ngo_caseworker']), 'victim.view', victim(OTHER_UNIT)).reason).toBe('not_referred');
  });
});
