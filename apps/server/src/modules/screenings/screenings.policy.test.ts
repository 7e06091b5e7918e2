import { describe, expect, it } from 'vitest';
import { ROLES } from '@veza/shared';
import { capabilities, decide, listScope } from '../../platform/policy/index.ts';
import type { Resource } from '../../platform/policy/index.ts';
import {
  actor,
  OWN_UNIT,
  testRoleTable,
  type Probe,
  type RoleTable,
} from '../../platform/policy/policy-table.testing.ts';

const OTHER_UNIT = '00000000-0000-4000-8000-00000000000b';

const screening = (unitId: string): Resource => ({
  type: 'screening',
  id: '00000000-0000-4000-8000-0000000000s1',
  jurisdiction: 'RS',
  unitId,
});

/** Questions about screenings of Serbia (RS); the actor sits in OWN_UNIT. */
const PROBES: readonly Probe[] = [
  { name: 'create a screening in their unit', action: 'screening.create', resource: screening(OWN_UNIT) },
  { name: 'view a screening of their unit', action: 'screening.view', resource: screening(OWN_UNIT) },
  { name: 'edit a screening of their unit', action: 'screening.edit', resource: screening(OWN_UNIT) },
  { name: 'view a screening of another unit', action: 'screening.view', resource: screening(OTHER_UNIT) },
];

// One column per probe above: Y allowed, . refused. "foreign" actors are from North Macedonia (MK),
// "regional" ones belong to a regional body (no jurisdiction).
// prettier-ignore
const EXPECTED: RoleTable = {
  //                     create view edit other
  officer:              { own: 'Y  Y    Y    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
  analyst:              { own: '.  .    .    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
  supervisor:           { own: 'Y  Y    Y    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
  prosecutor:           { own: '.  .    .    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
  judge:                { own: '.  .    .    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
  ngo_caseworker:       { own: '.  .    .    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
  national_coordinator: { own: 'Y  Y    Y    Y', foreign: '.  .    .    .', regional: '.  .    .    .' },
  cooperation_officer:  { own: '.  .    .    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
  trainer:              { own: '.  .    .    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
  dpo:                  { own: '.  .    .    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
  sysadmin:             { own: '.  .    .    .', foreign: '.  .    .    .', regional: '.  .    .    .' },
};

describe('screening policy: one row per role x jurisdiction x question', () => {
  testRoleTable(PROBES, EXPECTED);

  it('keeps regional members out, whatever their role', () => {
    for (const role of ROLES) {
      expect(decide(actor([role], null), 'screening.create', screening(OWN_UNIT)).allowed).toBe(false);
    }
  });

  // The server asks with the actor's own jurisdiction, which for a regional member is none.
  it.each(ROLES)('refuses a regional %s storing a screening, as regional', (role) => {
    const own = { type: 'screening', id: 's', jurisdiction: null, unitId: OWN_UNIT } as const;
    expect(decide(actor([role], null), 'screening.create', own)).toEqual({
      allowed: false,
      reason: 'regional',
    });
  });

  it('scopes lists: the unit for officers, nothing for NGOs', () => {
    expect(listScope(actor(['officer']), 'screening.view', 'screening')).toEqual({
      kind: 'units',
      unitIds: [OWN_UNIT],
    });
    expect(listScope(actor(['ngo_caseworker']), 'screening.view', 'screening').kind).toBe('none');
    expect(listScope(actor(['officer'], null), 'screening.create', 'screening').kind).toBe('none');
  });

  it('gives the screening list to the front line only', () => {
    expect(capabilities(actor(['officer']))).toContain('screening.view');
    expect(capabilities(actor(['ngo_caseworker']))).not.toContain('screening.view');
  });

  it('names the reason for a refusal, for the audit trail', () => {
    expect(decide(actor(['officer'], 'MK'), 'screening.view', screening(OWN_UNIT)).reason).toBe(
      'foreign_jurisdiction',
    );
  });
});
