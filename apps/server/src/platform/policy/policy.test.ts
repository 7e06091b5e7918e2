import { describe, expect, it } from 'vitest';
import type { Action, HandlingCode, Role } from '@veza/shared';
import type { Actor, RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { casePolicy } from '../../modules/cases/cases.policy.ts';
import {
  allowedActions,
  authorize,
  capabilities,
  decide,
  identify,
  listScope,
  registerPolicy,
} from './index.ts';
import type { Resource } from './index.ts';
import {
  ACTOR_ID,
  actor,
  OWN_AGENCY,
  OWN_UNIT,
  testRoleTable,
  type Probe,
  type RoleTable,
} from './policy-table.testing.ts';

const OTHER_UNIT = '00000000-0000-4000-8000-00000000000b';
const OTHER_AGENCY = '00000000-0000-4000-8000-0000000000b1';
const COLLEAGUE_ID = '00000000-0000-4000-8000-000000000002';

function caseIn(options: { team?: boolean; handlingCode?: HandlingCode; unitId?: string } = {}): Resource {
  return {
    type: 'case',
    id: '00000000-0000-4000-8000-00000000c001',
    jurisdiction: 'RS',
    agencyId: OTHER_AGENCY,
    unitId: options.unitId ?? OTHER_UNIT,
    teamUserIds: options.team === false ? [COLLEAGUE_ID] : [COLLEAGUE_ID, ACTOR_ID],
    handlingCode: options.handlingCode ?? 'H0',
  };
}

function person(options: { team?: boolean; referredTo?: string[] } = {}): Resource {
  return {
    type: 'person',
    id: '00000000-0000-4000-8000-00000000d001',
    jurisdiction: 'RS',
    unitId: OTHER_UNIT,
    caseTeamUserIds: options.team === false ? [COLLEAGUE_ID] : [COLLEAGUE_ID, ACTOR_ID],
    referredToAgencyIds: options.referredTo ?? [],
  };
}

const colleague: Resource = {
  type: 'user',
  userId: COLLEAGUE_ID,
  jurisdiction: 'RS',
  agencyId: OTHER_AGENCY,
  unitId: OTHER_UNIT,
};

/** The representative questions every role is asked, all about records of Serbia (RS). */
const PROBES: readonly Probe[] = [
  {
    name: 'manage an RS agency',
    action: 'organisation.manage',
    resource: { type: 'organisation', jurisdiction: 'RS', agencyId: OTHER_AGENCY },
  },
  { name: 'view an RS user of another unit', action: 'user.view', resource: colleague },
  { name: 'manage an RS user', action: 'user.manage', resource: colleague },
  {
    name: 'search the RS audit trail',
    action: 'audit.search',
    resource: { type: 'audit', jurisdiction: 'RS' },
  },
  { name: 'view a case whose team they are on', action: 'case.view', resource: caseIn() },
  {
    name: 'view a case of another unit, not on its team',
    action: 'case.view',
    resource: caseIn({ team: false }),
  },
  { name: 'disclose an H0 case of their team', action: 'case.disclose', resource: caseIn() },
  {
    name: 'disclose an H2 case of their team',
    action: 'case.disclose',
    resource: caseIn({ handlingCode: 'H2' }),
  },
  {
    name: 'use an H1 case of their team in court',
    action: 'case.use_in_court',
    resource: caseIn({ handlingCode: 'H1' }),
  },
  { name: 'use an H0 case of their team in court', action: 'case.use_in_court', resource: caseIn() },
  {
    name: "see the identity of a person in their team's case",
    action: 'person.identity.view',
    resource: person(),
  },
];

// One column per probe above, in order: Y allowed, . refused. "foreign" actors are from North
// Macedonia (MK); a case team may include them (joint investigation), nothing else crosses the border.
// prettier-ignore
const EXPECTED: RoleTable = {
  //                     org  uview uman audit team out  H0   H2   H1c  H0c  ident
  officer:              { own: '.   .    .    .    Y    .    Y    .    .    .    Y', foreign: '.   .    .    .    Y    .    Y    .    .    .    Y' },
  analyst:              { own: '.   .    .    .    Y    .    Y    .    .    .    Y', foreign: '.   .    .    .    Y    .    Y    .    .    .    Y' },
  supervisor:           { own: '.   .    .    .    Y    .    Y    .    .    .    Y', foreign: '.   .    .    .    Y    .    Y    .    .    .    Y' },
  prosecutor:           { own: '.   .    .    .    Y    .    Y    .    .    Y    Y', foreign: '.   .    .    .    Y    .    Y    .    .    Y    Y' },
  judge:                { own: '.   .    .    .    Y    .    .    .    .    Y    Y', foreign: '.   .    .    .    Y    .    .    .    .    Y    Y' },
  ngo_caseworker:       { own: '.   .    .    .    .    .    .    .    .    .    .', foreign: '.   .    .    .    .    .    .    .    .    .    .' },
  national_coordinator: { own: '.   .    .    .    .    .    .    .    .    .    .', foreign: '.   .    .    .    .    .    .    .    .    .    .' },
  cooperation_officer:  { own: '.   .    .    .    .    .    .    .    .    .    .', foreign: '.   .    .    .    .    .    .    .    .    .    .' },
  trainer:              { own: '.   .    .    .    .    .    .    .    .    .    .', foreign: '.   .    .    .    .    .    .    .    .    .    .' },
  dpo:                  { own: '.   Y    .    Y    .    .    .    .    .    .    .', foreign: '.   .    .    .    .    .    .    .    .    .    .' },
  sysadmin:             { own: 'Y   Y    Y    Y    .    .    .    .    .    .    .', foreign: '.   .    .    .    .    .    .    .    .    .    .' },
};

describe('decide: one row per role x jurisdiction x action', () => {
  testRoleTable(PROBES, EXPECTED);
});

describe('decide: regional actors (jurisdiction null)', () => {
  const regionalBody: Resource = { type: 'organisation', jurisdiction: null, agencyId: OTHER_AGENCY };
  it.each([
    {
      who: 'regional sysadmin',
      roles: ['sysadmin'],
      action: 'organisation.manage',
      resource: regionalBody,
      expected: true,
    },
    {
      who: 'regional sysadmin',
      roles: ['sysadmin'],
      action: 'organisation.manage',
      resource: { type: 'organisation', jurisdiction: 'AL' },
      expected: true,
    },
    {
      who: 'regional sysadmin',
      roles: ['sysadmin'],
      action: 'user.manage',
      resource: colleague,
      expected: true,
    },
    {
      who: 'regional dpo',
      roles: ['dpo'],
      action: 'audit.search',
      resource: { type: 'audit', jurisdiction: null },
      expected: true,
    },
    {
      who: 'regional dpo',
      roles: ['dpo'],
      action: 'audit.search',
      resource: { type: 'audit', jurisdiction: 'XK' },
      expected: true,
    },
    { who: 'regional dpo', roles: ['dpo'], action: 'user.view', resource: colleague, expected: true },
    { who: 'regional dpo', roles: ['dpo'], action: 'user.manage', resource: colleague, expected: false },
    { who: 'regional trainer', roles: ['trainer'], action: 'case.view', resource: caseIn(), expected: false },
    {
      who: 'regional analyst on the team',
      roles: ['analyst'],
      action: 'case.view',
      resource: caseIn(),
      expected: true,
    },
    {
      who: 'regional analyst off the team',
      roles: ['analyst'],
      action: 'case.view',
      resource: caseIn({ team: false }),
      expected: false,
    },
  ] satisfies { who: string; roles: Role[]; action: Action; resource: Resource; expected: boolean }[])(
    '$who: $action -> $expected',
    ({ roles, action, resource, expected }) => {
      expect(decide(actor(roles, null), action, resource).allowed).toBe(expected);
    },
  );

  it('refuses a national sysadmin the regional bodies', () => {
    expect(decide(actor(['sysadmin'], 'RS'), 'organisation.manage', regionalBody)).toEqual({
      allowed: false,
      reason: 'foreign_jurisdiction',
    });
  });

  it('refuses a national DPO the regional audit trail', () => {
    expect(decide(actor(['dpo'], 'RS'), 'audit.search', { type: 'audit', jurisdiction: null }).allowed).toBe(
      false,
    );
  });
});

describe('decide: reasons and special cases', () => {
  it('refuses H2 forwarding and H3 with the handling code as reason', () => {
    expect(decide(actor(['officer']), 'case.disclose', caseIn({ handlingCode: 'H2' }))).toEqual({
      allowed: false,
      reason: 'handling_code_h2',
    });
    expect(decide(actor(['officer']), 'case.disclose', caseIn({ handlingCode: 'H3' }))).toEqual({
      allowed: false,
      reason: 'handling_code_h3',
    });
    expect(decide(actor(['officer']), 'case.disclose', caseIn({ handlingCode: 'H1' })).allowed).toBe(true);
  });

  it('refuses H1 in court without permission', () => {
    expect(decide(actor(['prosecutor']), 'case.use_in_court', caseIn({ handlingCode: 'H1' }))).toEqual({
      allowed: false,
      reason: 'handling_code_h1',
    });
  });

  it('says why a case is invisible: outside the team at home, another jurisdiction abroad', () => {
    expect(decide(actor(['officer']), 'case.view', caseIn({ team: false })).reason).toBe('not_in_case_team');
    expect(decide(actor(['officer'], 'MK'), 'case.view', caseIn({ team: false })).reason).toBe(
      'foreign_jurisdiction',
    );
  });

  it('lets the supervisor of the owning unit read a case but not act on it without joining the team', () => {
    const supervisor = actor(['supervisor']);
    const owned = caseIn({ team: false, unitId: OWN_UNIT });
    expect(decide(supervisor, 'case.view', owned)).toEqual({ allowed: true, reason: 'supervisor_of_unit' });
    expect(decide(supervisor, 'case.edit', owned).allowed).toBe(false);
  });

  it('keeps the judge read-only on the case team', () => {
    expect(decide(actor(['judge']), 'case.edit', caseIn())).toEqual({ allowed: false, reason: 'role' });
  });

  it('grants a trainer who also holds an officer role what the officer role grants', () => {
    expect(decide(actor(['trainer', 'officer']), 'case.edit', caseIn()).allowed).toBe(true);
  });

  it('lets everyone see themselves and a supervisor the users of their own unit only', () => {
    expect(decide(actor(['trainer']), 'user.view', { ...colleague, userId: ACTOR_ID }).reason).toBe('self');
    expect(decide(actor(['supervisor']), 'user.view', { ...colleague, unitId: OWN_UNIT }).allowed).toBe(true);
    expect(decide(actor(['supervisor']), 'user.view', colleague).reason).toBe('not_in_unit');
  });

  it('shows a person to the NGO and coordinator their agency was referred to, and to no one else', () => {
    const referred = person({ team: false, referredTo: [OWN_AGENCY] });
    const notReferred = person({ team: false, referredTo: [OTHER_AGENCY] });
    expect(decide(actor(['ngo_caseworker']), 'person.identity.view', referred).allowed).toBe(true);
    expect(decide(actor(['ngo_caseworker']), 'person.identity.view', notReferred).reason).toBe(
      'not_referred',
    );
    expect(decide(actor(['national_coordinator']), 'person.identity.view', referred).allowed).toBe(true);
    expect(decide(actor(['national_coordinator'], 'MK'), 'person.identity.view', referred).reason).toBe(
      'foreign_jurisdiction',
    );
    expect(decide(actor(['officer']), 'person.identity.view', referred).allowed).toBe(false);
    expect(decide(actor(['sysadmin'], null), 'person.identity.view', person()).allowed).toBe(false);
  });

  it('refuses actions that do not belong to the resource', () => {
    expect(decide(actor(['sysadmin']), 'case.view', colleague)).toEqual({
      allowed: false,
      reason: 'not_applicable',
    });
  });
});

describe('authorize', () => {
  const ctx = (who: Actor | null): RequestContext => ({
    actor: who,
    sessionId: null,
    ip: null,
    userAgent: null,
    justifications: new Map(),
  });

  function refusal(run: () => void): AppError {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('answers not found for a case outside the team, and audits the denial with its reason', () => {
    const error = refusal(() => authorize(ctx(actor(['officer'])), 'case.view', caseIn({ team: false })));
    expect(error.code).toBe('not_found');
    expect(error.audit).toEqual({
      operation: 'denial',
      action: 'case.view',
      recordType: 'case',
      recordId: '00000000-0000-4000-8000-00000000c001',
      details: { reason: 'not_in_case_team' },
    });
  });

  it('answers forbidden for what the user can see but not change', () => {
    expect(
      refusal(() =>
        authorize(ctx(actor(['officer'])), 'organisation.manage', {
          type: 'organisation',
          jurisdiction: 'RS',
        }),
      ).code,
    ).toBe('forbidden');
    expect(refusal(() => authorize(ctx(actor(['judge'])), 'case.edit', caseIn())).code).toBe('forbidden');
    expect(
      refusal(() => authorize(ctx(actor(['officer'])), 'audit.search', { type: 'audit', jurisdiction: 'RS' }))
        .code,
    ).toBe('forbidden');
  });

  it('answers not found for a user record outside the actor reach, with the subject audited', () => {
    const error = refusal(() => authorize(ctx(actor(['officer'])), 'user.manage', colleague));
    expect(error.code).toBe('not_found');
    expect(error.audit?.subjectId).toBe(COLLEAGUE_ID);
  });

  it('lets the caller force hiding', () => {
    expect(
      refusal(() =>
        authorize(
          ctx(actor(['officer'])),
          'organisation.manage',
          { type: 'organisation', jurisdiction: 'RS' },
          { hidden: true },
        ),
      ).code,
    ).toBe('not_found');
  });

  it('asks an anonymous caller to sign in', () => {
    expect(
      refusal(() => authorize(ctx(null), 'organisation.view', { type: 'organisation', jurisdiction: 'RS' }))
        .code,
    ).toBe('unauthenticated');
  });

  it('returns quietly when allowed', () => {
    expect(() => authorize(ctx(actor(['officer'])), 'case.view', caseIn())).not.toThrow();
  });
});

describe('listScope', () => {
  it.each([
    {
      who: 'national sysadmin',
      a: actor(['sysadmin'], 'AL'),
      action: 'user.view',
      type: 'user',
      expected: { kind: 'jurisdictions', codes: ['AL'] },
    },
    {
      who: 'regional sysadmin',
      a: actor(['sysadmin'], null),
      action: 'user.manage',
      type: 'user',
      expected: { kind: 'all' },
    },
    {
      who: 'supervisor',
      a: actor(['supervisor']),
      action: 'user.view',
      type: 'user',
      expected: { kind: 'units', unitIds: [OWN_UNIT] },
    },
    {
      who: 'officer',
      a: actor(['officer']),
      action: 'user.view',
      type: 'user',
      expected: { kind: 'self', userId: ACTOR_ID },
    },
    {
      who: 'officer',
      a: actor(['officer']),
      action: 'user.manage',
      type: 'user',
      expected: { kind: 'none' },
    },
    {
      who: 'national dpo',
      a: actor(['dpo'], 'ME'),
      action: 'audit.search',
      type: 'audit',
      expected: { kind: 'jurisdictions', codes: ['ME'] },
    },
    {
      who: 'regional dpo',
      a: actor(['dpo'], null),
      action: 'audit.search',
      type: 'audit',
      expected: { kind: 'all' },
    },
    {
      who: 'analyst',
      a: actor(['analyst']),
      action: 'audit.search',
      type: 'audit',
      expected: { kind: 'none' },
    },
    {
      who: 'officer',
      a: actor(['officer']),
      action: 'organisation.view',
      type: 'organisation',
      expected: { kind: 'all' },
    },
    {
      who: 'supervisor',
      a: actor(['supervisor']),
      action: 'case.view',
      type: 'case',
      expected: { kind: 'units', unitIds: [OWN_UNIT] },
    },
    {
      who: 'officer',
      a: actor(['officer']),
      action: 'case.view',
      type: 'case',
      expected: { kind: 'self', userId: ACTOR_ID },
    },
    { who: 'trainer', a: actor(['trainer']), action: 'case.view', type: 'case', expected: { kind: 'none' } },
    {
      who: 'sysadmin',
      a: actor(['sysadmin']),
      action: 'person.identity.view',
      type: 'person',
      expected: { kind: 'none' },
    },
    {
      who: 'sysadmin',
      a: actor(['sysadmin']),
      action: 'case.view',
      type: 'user',
      expected: { kind: 'none' },
    },
  ] satisfies { who: string; a: Actor; action: Action; type: Resource['type']; expected: unknown }[])(
    '$who: $action on $type',
    ({ a, action, type, expected }) => {
      expect(listScope(a, action, type)).toEqual(expected);
    },
  );
});

describe('allowedActions and capabilities', () => {
  it('offers an officer on the team everything but court use', () => {
    expect(allowedActions(actor(['officer']), caseIn())).toEqual(['case.view', 'case.edit', 'case.disclose']);
  });

  it('offers an outsider nothing on an invisible case but to ask to join its team', () => {
    expect(allowedActions(actor(['officer']), caseIn({ team: false }))).toEqual(['case.request_join']);
    expect(allowedActions(actor(['officer'], 'MK'), caseIn({ team: false }))).toEqual([]);
  });

  it('lets only an owner on the team manage it, and opens cases only in the own unit', () => {
    const owned = { ...caseIn(), ownerUserIds: [actor(['officer']).userId] };
    expect(allowedActions(actor(['officer']), owned)).toContain('case.manage_team');
    expect(allowedActions(actor(['officer']), caseIn())).not.toContain('case.manage_team');
    expect(decide(actor(['judge']), 'case.manage_team', owned).allowed).toBe(false);
    const own = { ...caseIn(), unitId: actor(['officer']).unitId };
    expect(decide(actor(['officer']), 'case.create', own)).toEqual({ allowed: true, reason: 'own_unit' });
    expect(decide(actor(['officer']), 'case.create', caseIn()).allowed).toBe(false);
    expect(decide(actor(['judge']), 'case.create', own)).toEqual({ allowed: false, reason: 'role' });
  });

  it('offers an agency to a sysadmin to view and manage, to others to view only', () => {
    const agency: Resource = { type: 'organisation', jurisdiction: 'HR' };
    expect(allowedActions(actor(['sysadmin'], 'HR'), agency)).toEqual([
      'organisation.view',
      'organisation.manage',
    ]);
    expect(allowedActions(actor(['officer'], 'HR'), agency)).toEqual(['organisation.view']);
  });

  it('gives a trainer the organisation and the contact points only: their own profile is no reason to show the staff directory', () => {
    // The directory of contact points is read by everyone signed in (modules/directory).
    expect(capabilities(actor(['trainer']))).toEqual(['organisation.view', 'directory.view']);
    expect(capabilities(actor(['officer']))).not.toContain('user.view');
  });

  it('shows the staff directory to a supervisor, who sees their unit', () => {
    expect(capabilities(actor(['supervisor']))).toContain('user.view');
  });

  it('gives a DPO the audit trail but no case data', () => {
    const dpo = capabilities(actor(['dpo']));
    expect(dpo).toEqual(expect.arrayContaining(['audit.search', 'audit.verify', 'user.view']));
    expect(dpo).not.toContain('case.view');
    expect(dpo).not.toContain('user.manage');
  });

  it('gives a prosecutor case work including court use', () => {
    expect(capabilities(actor(['prosecutor']))).toEqual(
      expect.arrayContaining([
        'case.view',
        'case.edit',
        'case.disclose',
        'case.use_in_court',
        'person.identity.view',
      ]),
    );
  });
});

describe('registration', () => {
  it('refuses a second policy for a resource type', () => {
    expect(() => registerPolicy(casePolicy)).toThrow("A policy for 'case' is already registered");
  });

  it('answers a clear error for a resource type nobody registered', () => {
    // A kind no module declares cannot be written in typed code; the cast stands for a stale caller.
    const unknown = { type: 'cooperation_request' } as unknown as Resource;
    expect(() => decide(actor(['officer']), 'case.view', unknown)).toThrow(
      "No policy registered for 'cooperation_request'",
    );
  });

  it('names the record a denial is logged against as its policy says', () => {
    expect(identify(caseIn())).toEqual({ recordId: '00000000-0000-4000-8000-00000000c001' });
    expect(identify(colleague)).toEqual({ recordId: COLLEAGUE_ID, subjectId: COLLEAGUE_ID });
  });
});
