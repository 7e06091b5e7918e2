import { describe, expect, it } from 'vitest';
import type { Action, JurisdictionCode, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { capabilities, decide, listScope } from '../../platform/policy/index.ts';
import type { Resource } from '../../platform/policy/index.ts';
import { actor as member, OWN_AGENCY, OWN_UNIT } from '../../platform/policy/policy-table.testing.ts';

const SENDING_UNIT = OWN_UNIT;
const OTHER_UNIT = '00000000-0000-4000-8000-00000000000b';
const SHELTER_AGENCY = OWN_AGENCY;
const OTHER_AGENCY = '00000000-0000-4000-8000-0000000000b1';

function actor(
  roles: Role[],
  jurisdiction: JurisdictionCode | null,
  where: 'sending' | 'shelter' | 'elsewhere',
): Actor {
  return member(roles, jurisdiction, {
    unitId: where === 'sending' ? SENDING_UNIT : OTHER_UNIT,
    agencyId: where === 'shelter' ? SHELTER_AGENCY : OTHER_AGENCY,
  });
}

function referral(
  options: { kind?: 'national' | 'transnational'; status?: string; agency?: string | null } = {},
): Resource {
  const kind = options.kind ?? 'national';
  return {
    type: 'referral',
    id: '00000000-0000-4000-8000-00000000e001',
    personId: '00000000-0000-4000-8000-00000000d001',
    kind,
    status: options.status ?? 'sent',
    fromJurisdiction: 'RS',
    fromUnitId: SENDING_UNIT,
    providerAgencyId:
      kind === 'national' ? (options.agency === undefined ? SHELTER_AGENCY : options.agency) : null,
    toJurisdiction: kind === 'transnational' ? 'MK' : null,
  };
}

type Row = [string, Actor, Action, Resource, boolean];

const officer = actor(['officer'], 'RS', 'sending');
const otherUnitOfficer = actor(['officer'], 'RS', 'elsewhere');
const foreignOfficer = actor(['officer'], 'XK', 'elsewhere');
const caseworker = actor(['ngo_caseworker'], 'RS', 'shelter');
const otherNgo = actor(['ngo_caseworker'], 'RS', 'elsewhere');
const coordinator = actor(['national_coordinator'], 'RS', 'elsewhere');
const receivingCoordinator = actor(['national_coordinator'], 'MK', 'elsewhere');
const thirdCoordinator = actor(['national_coordinator'], 'AL', 'elsewhere');
const analyst = actor(['analyst'], 'RS', 'sending');
const trainer = actor(['trainer'], null, 'elsewhere');
const regionalAdmin = actor(['sysadmin'], null, 'elsewhere');

const ROWS: Row[] = [
  ['sending officer sees the referral', officer, 'referral.view', referral(), true],
  ['officer of another unit does not', otherUnitOfficer, 'referral.view', referral(), false],
  ['officer of another jurisdiction does not', foreignOfficer, 'referral.view', referral(), false],
  ['caseworker of the shelter sees a sent referral', caseworker, 'referral.view', referral(), true],
  [
    'caseworker of the shelter does not see a proposal',
    caseworker,
    'referral.view',
    referral({ status: 'proposed' }),
    false,
  ],
  ['caseworker of another NGO does not', otherNgo, 'referral.view', referral(), false],
  ['national coordinator sees the jurisdiction’s referrals', coordinator, 'referral.view', referral(), true],
  [
    'receiving coordinator sees a transnational referral',
    receivingCoordinator,
    'referral.view',
    referral({ kind: 'transnational' }),
    true,
  ],
  [
    'receiving coordinator does not see it before sending',
    receivingCoordinator,
    'referral.view',
    referral({ kind: 'transnational', status: 'proposed' }),
    false,
  ],
  [
    'a third jurisdiction does not',
    thirdCoordinator,
    'referral.view',
    referral({ kind: 'transnational' }),
    false,
  ],
  ['an analyst of the sending unit does not', analyst, 'referral.view', referral(), false],
  ['a trainer does not', trainer, 'referral.view', referral(), false],
  ['an administrator does not', regionalAdmin, 'referral.view', referral(), false],
  ['sending officer sends a proposal', officer, 'referral.send', referral({ status: 'proposed' }), true],
  [
    'caseworker cannot send on the sender’s behalf',
    caseworker,
    'referral.send',
    referral({ status: 'proposed' }),
    false,
  ],
  ['caseworker answers for the shelter', caseworker, 'referral.respond', referral(), true],
  ['sending officer cannot answer for a shelter in Veza', officer, 'referral.respond', referral(), false],
  [
    'sending officer records the answer of a provider outside Veza',
    officer,
    'referral.respond',
    referral({ agency: null }),
    true,
  ],
  [
    'receiving coordinator answers a transnational referral',
    receivingCoordinator,
    'referral.respond',
    referral({ kind: 'transnational' }),
    true,
  ],
  [
    'sending coordinator cannot answer its own transnational referral',
    coordinator,
    'referral.respond',
    referral({ kind: 'transnational' }),
    false,
  ],
  [
    'receiving coordinator acknowledges',
    receivingCoordinator,
    'referral.acknowledge',
    referral({ kind: 'transnational' }),
    true,
  ],
  ['a shelter acknowledges nothing', caseworker, 'referral.acknowledge', referral(), false],
  ['sender closes', officer, 'referral.close', referral({ status: 'in_service' }), true],
  ['receiver closes', caseworker, 'referral.close', referral({ status: 'in_service' }), true],
  ['another NGO does not close', otherNgo, 'referral.close', referral({ status: 'in_service' }), false],
  ['officer creates for the own unit', officer, 'referral.create', referral({ status: 'proposed' }), true],
  [
    'officer of another unit does not create',
    otherUnitOfficer,
    'referral.create',
    referral({ status: 'proposed' }),
    false,
  ],
];

const RS_PROVIDER: Resource = { type: 'provider', jurisdiction: 'RS' };
const PROVIDER_ROWS: Row[] = [
  ['an officer reads the directory', officer, 'provider.view', RS_PROVIDER, true],
  ['a caseworker reads the directory', caseworker, 'provider.view', RS_PROVIDER, true],
  ['a trainer does not', trainer, 'provider.view', RS_PROVIDER, false],
  ['the coordinator edits the own directory', coordinator, 'provider.manage', RS_PROVIDER, true],
  [
    'another jurisdiction’s coordinator does not',
    receivingCoordinator,
    'provider.manage',
    RS_PROVIDER,
    false,
  ],
  ['an officer does not edit', officer, 'provider.manage', RS_PROVIDER, false],
  ['a regional administrator edits', regionalAdmin, 'provider.manage', RS_PROVIDER, true],
];

describe('referral policy', () => {
  it.each(ROWS)('%s', (_name, who, action, resource, expected) => {
    expect(decide(who, action, resource).allowed).toBe(expected);
  });
});

describe('provider policy', () => {
  it.each(PROVIDER_ROWS)('%s', (_name, who, action, resource, expected) => {
    expect(decide(who, action, resource).allowed).toBe(expected);
  });
});

describe('referral capabilities', () => {
  it('offers referrals to those who send or receive them, and not to analysts', () => {
    expect(capabilities(officer)).toContain('referral.view');
    expect(capabilities(caseworker)).toContain('referral.view');
    expect(capabilities(coordinator)).toContain('referral.view');
    expect(capabilities(analyst)).not.toContain('referral.view');
    expect(capabilities(caseworker)).not.toContain('referral.create');
    expect(capabilities(regionalAdmin)).not.toContain('provider.view');
    expect(capabilities(coordinator)).toContain('provider.manage');
  });
});

describe('referral list scope', () => {
  it('reaches referrals by the sides decide opens: sending unit and jurisdiction, receiving agency and jurisdiction', () => {
    expect(listScope(member(['officer']), 'referral.view', 'referral')).toEqual({
      kind: 'union',
      parts: [{ via: 'sender', scope: { kind: 'units', unitIds: [OWN_UNIT] } }],
    });
    expect(listScope(member(['ngo_caseworker']), 'referral.view', 'referral')).toEqual({
      kind: 'union',
      parts: [{ via: 'receiver', scope: { kind: 'agencies', agencyIds: [OWN_AGENCY] } }],
    });
    expect(listScope(member(['national_coordinator']), 'referral.view', 'referral')).toEqual({
      kind: 'union',
      parts: [
        { via: 'sender', scope: { kind: 'jurisdictions', codes: ['RS'] } },
        { via: 'receiver', scope: { kind: 'jurisdictions', codes: ['RS'] } },
      ],
    });
    expect(listScope(member(['analyst']), 'referral.view', 'referral').kind).toBe('none');
    expect(listScope(member(['dpo']), 'referral.view', 'referral').kind).toBe('none');
  });

  it('keeps a regional officer to their unit and gives a regional coordinator no side', () => {
    expect(listScope(member(['officer'], null), 'referral.view', 'referral')).toEqual({
      kind: 'union',
      parts: [{ via: 'sender', scope: { kind: 'units', unitIds: [OWN_UNIT] } }],
    });
    expect(listScope(member(['national_coordinator'], null), 'referral.view', 'referral').kind).toBe('none');
    expect(capabilities(member(['officer'], null))).not.toContain('referral.view');
  });
});

describe('referral capabilities of the web app', () => {
  it('tells senders from receivers: only senders may create, only coordinators acknowledge', () => {
    expect(capabilities(officer)).toContain('referral.create');
    expect(capabilities(caseworker)).not.toContain('referral.create');
    expect(capabilities(coordinator)).toEqual(
      expect.arrayContaining(['referral.create', 'referral.acknowledge']),
    );
    expect(capabilities(officer)).not.toContain('referral.acknowledge');
    expect(capabilities(caseworker)).not.toContain('referral.acknowledge');
  });
});
