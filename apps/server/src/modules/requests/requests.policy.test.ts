import { describe, expect, it } from 'vitest';
import type { Action, JurisdictionCode, RequestSide, RequestStatus, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { decide, listScope } from '../../platform/policy/index.ts';
import type { Resource } from '../../platform/policy/index.ts';
import { actor as member, OWN_UNIT } from '../../platform/policy/policy-table.testing.ts';

const SPOC_UNIT = '00000000-0000-4000-8000-0000000005c0';
const OTHER_UNIT = '00000000-0000-4000-8000-00000000000b';

/** A record held in Serbia by OWN_UNIT (requesting side) or by SPOC_UNIT (requested side). */
function record(
  side: RequestSide,
  status: RequestStatus,
  holder: JurisdictionCode = 'RS',
  spocCopy = true,
): Resource {
  return {
    type: 'information_request',
    id: '00000000-0000-4000-8000-00000000f001',
    side,
    status,
    holderJurisdiction: holder,
    holderUnitId: side === 'requesting' ? OWN_UNIT : SPOC_UNIT,
    spocCopy,
  };
}

function who(roles: Role[], jurisdiction: JurisdictionCode | null, unit: 'own' | 'spoc' | 'other'): Actor {
  const unitId = unit === 'own' ? OWN_UNIT : unit === 'spoc' ? SPOC_UNIT : OTHER_UNIT;
  return member(roles, jurisdiction, { unitId });
}

type Row = [string, Actor, Action, Resource, boolean];

const investigator = who(['officer'], 'RS', 'own');
const colleagueElsewhere = who(['officer'], 'RS', 'other');
const requestersSpoc = who(['cooperation_officer'], 'RS', 'spoc');
const spocOfficer = who(['cooperation_officer'], 'RS', 'spoc');
const spocSupervisor = who(['supervisor'], 'RS', 'spoc');
const foreignSpoc = who(['cooperation_officer'], 'ME', 'spoc');
const foreignInvestigator = who(['officer'], 'ME', 'own');
const prosecutor = who(['prosecutor'], 'RS', 'own');
const judge = who(['judge'], 'RS', 'own');
const caseworker = who(['ngo_caseworker'], 'RS', 'own');
const coordinator = who(['national_coordinator'], 'RS', 'own');
const regionalAnalyst = who(['analyst'], null, 'own');
const trainer = who(['trainer'], 'RS', 'own');

const ROWS: Row[] = [
  // The requesting side's record.
  [
    'the investigator reads the unit’s request',
    investigator,
    'request.view',
    record('requesting', 'sent'),
    true,
  ],
  ['drafts one', investigator, 'request.create', record('requesting', 'drafted'), true],
  ['sends a draft', investigator, 'request.send', record('requesting', 'drafted'), true],
  ['does not send it twice', investigator, 'request.send', record('requesting', 'sent'), false],
  ['withdraws an open request', investigator, 'request.withdraw', record('requesting', 'in_progress'), true],
  [
    'does not withdraw an answered one',
    investigator,
    'request.withdraw',
    record('requesting', 'answered_fully'),
    false,
  ],
  [
    'does not answer its own request',
    investigator,
    'request.answer',
    record('requesting', 'received'),
    false,
  ],
  ['a prosecutor of the unit asks too', prosecutor, 'request.create', record('requesting', 'drafted'), true],
  ['a judge does not', judge, 'request.create', record('requesting', 'drafted'), false],
  ['an NGO caseworker does not', caseworker, 'request.create', record('requesting', 'drafted'), false],
  [
    'the national coordinator does not read police requests',
    coordinator,
    'request.view',
    record('requesting', 'sent'),
    false,
  ],
  [
    'an officer of another unit does not read it',
    colleagueElsewhere,
    'request.view',
    record('requesting', 'sent'),
    false,
  ],
  ['the requester’s SPOC keeps a copy', requestersSpoc, 'request.view', record('requesting', 'sent'), true],
  [
    'but not when an art. 4(2) exception is recorded',
    requestersSpoc,
    'request.view',
    record('requesting', 'sent', 'RS', false),
    false,
  ],
  [
    'the investigator still reads a request sent without a copy',
    investigator,
    'request.view',
    record('requesting', 'sent', 'RS', false),
    true,
  ],
  ['and may withdraw it', requestersSpoc, 'request.withdraw', record('requesting', 'sent'), true],
  [
    'but does not send the unit’s draft',
    requestersSpoc,
    'request.send',
    record('requesting', 'drafted'),
    false,
  ],
  [
    'another jurisdiction’s SPOC never reads this side’s record',
    foreignSpoc,
    'request.view',
    record('requesting', 'sent'),
    false,
  ],
  ['a regional member sees no request', regionalAnalyst, 'request.view', record('requesting', 'sent'), false],
  ['a trainer sees none', trainer, 'request.view', record('requesting', 'sent'), false],
  // The requested side's record, held by the SPOC unit.
  [
    'the SPOC officer reads a request received',
    spocOfficer,
    'request.view',
    record('requested', 'received'),
    true,
  ],
  ['starts work on it', spocOfficer, 'request.start', record('requested', 'received'), true],
  ['not twice', spocOfficer, 'request.start', record('requested', 'in_progress'), false],
  ['sends a delay notice', spocOfficer, 'request.delay', record('requested', 'in_progress'), true],
  ['answers it', spocOfficer, 'request.answer', record('requested', 'received'), true],
  ['refuses it', spocOfficer, 'request.refuse', record('requested', 'in_progress'), true],
  [
    'does not answer a withdrawn request',
    spocOfficer,
    'request.answer',
    record('requested', 'withdrawn'),
    false,
  ],
  [
    'follows a partial answer with another',
    spocOfficer,
    'request.answer',
    record('requested', 'answered_partly'),
    true,
  ],
  [
    'but sends no delay notice after it',
    spocOfficer,
    'request.delay',
    record('requested', 'answered_partly'),
    false,
  ],
  ['does not answer twice', spocOfficer, 'request.answer', record('requested', 'answered_fully'), false],
  [
    'does not withdraw the other side’s request',
    spocOfficer,
    'request.withdraw',
    record('requested', 'received'),
    false,
  ],
  ['the SPOC supervisor reads it', spocSupervisor, 'request.view', record('requested', 'received'), true],
  ['but does not answer', spocSupervisor, 'request.answer', record('requested', 'received'), false],
  [
    'an investigator of another unit does not read it',
    investigator,
    'request.view',
    record('requested', 'received'),
    false,
  ],
  [
    'a SPOC of another jurisdiction does not',
    foreignSpoc,
    'request.view',
    record('requested', 'received'),
    false,
  ],
  [
    'the foreign requester never reads the requested side’s record',
    foreignInvestigator,
    'request.view',
    record('requested', 'received'),
    false,
  ],
];

const stats = (jurisdiction: JurisdictionCode | null): Resource => ({
  type: 'request_statistics',
  jurisdiction,
});

const STATISTICS_ROWS: Row[] = [
  ['the SPOC officer reads its pairs', spocOfficer, 'request.statistics', stats('RS'), true],
  ['not another jurisdiction’s', spocOfficer, 'request.statistics', stats('ME'), false],
  ['the national coordinator reads them', coordinator, 'request.statistics', stats('RS'), true],
  ['an investigator does not', investigator, 'request.statistics', stats('RS'), false],
  ['the SPOC supervisor does not', spocSupervisor, 'request.statistics', stats('RS'), false],
  ['a regional analyst reads all pairs', regionalAnalyst, 'request.statistics', stats(null), true],
  ['a trainer does not', trainer, 'request.statistics', stats('RS'), false],
];

describe('request statistics policy', () => {
  it.each(STATISTICS_ROWS)('%s', (_name, actor, action, resource, expected) => {
    expect(decide(actor, action, resource).allowed).toBe(expected);
  });

  it('scopes a jurisdiction’s readers to its pairs, regional readers to all', () => {
    expect(listScope(spocOfficer, 'request.statistics', 'request_statistics')).toEqual({
      kind: 'jurisdictions',
      codes: ['RS'],
    });
    expect(listScope(regionalAnalyst, 'request.statistics', 'request_statistics')).toEqual({ kind: 'all' });
    expect(listScope(investigator, 'request.statistics', 'request_statistics')).toEqual({ kind: 'none' });
  });
});

describe('information request policy', () => {
  it.each(ROWS)('%s', (_name, actor, action, resource, expected) => {
    expect(decide(actor, action, resource).allowed).toBe(expected);
  });

  it('lists by side: the unit’s outbox, the SPOC’s copies and inbox, nothing for a regional member', () => {
    expect(listScope(investigator, 'request.view', 'information_request')).toEqual({
      kind: 'union',
      parts: [{ via: 'requesting', scope: { kind: 'units', unitIds: [OWN_UNIT] } }],
    });
    expect(listScope(spocOfficer, 'request.view', 'information_request')).toEqual({
      kind: 'union',
      parts: [
        { via: 'requesting', scope: { kind: 'units', unitIds: [SPOC_UNIT] } },
        { via: 'requesting_copy', scope: { kind: 'jurisdictions', codes: ['RS'] } },
        { via: 'requested', scope: { kind: 'units', unitIds: [SPOC_UNIT] } },
      ],
    });
    expect(listScope(regionalAnalyst, 'request.view', 'information_request')).toEqual({ kind: 'none' });
    expect(listScope(caseworker, 'request.view', 'information_request')).toEqual({ kind: 'none' });
  });
});
