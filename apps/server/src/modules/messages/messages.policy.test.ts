import { describe, expect, it } from 'vitest';
import type { Action, HandlingCode, JurisdictionCode, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { decide, listScope } from '../../platform/policy/index.ts';
import type { Resource } from '../../platform/policy/index.ts';
import { actor as member, OWN_UNIT } from '../../platform/policy/policy-table.testing.ts';
import type { MessageResource } from './messages.policy.ts';

/** OWN_UNIT (Serbia) sends to the SPOC of Montenegro; each side holds its record. */
const ME_SPOC = '00000000-0000-4000-8000-0000000005c0';
const OTHER_UNIT = '00000000-0000-4000-8000-00000000000b';

function message(
  holder: JurisdictionCode,
  code: HandlingCode,
  more: Partial<MessageResource> = {},
): Resource {
  return {
    type: 'message',
    id: '00000000-0000-4000-8000-00000000f001',
    holderJurisdiction: holder,
    fromJurisdiction: 'RS',
    fromUnitId: OWN_UNIT,
    toJurisdiction: 'ME',
    toUnitId: ME_SPOC,
    providerUnitId: OWN_UNIT,
    handlingCode: code,
    caseVisible: null,
    forwardGranted: false,
    courtGranted: false,
    ...more,
  };
}

function who(roles: Role[], jurisdiction: JurisdictionCode | null, unit: 'own' | 'spoc' | 'other'): Actor {
  const unitId = unit === 'own' ? OWN_UNIT : unit === 'spoc' ? ME_SPOC : OTHER_UNIT;
  return member(roles, jurisdiction, { unitId });
}

type Row = [string, Actor, Action, Resource, boolean];

const sender = who(['officer'], 'RS', 'own');
const colleagueElsewhere = who(['officer'], 'RS', 'other');
const recipient = who(['cooperation_officer'], 'ME', 'spoc');
const recipientSupervisor = who(['supervisor'], 'ME', 'spoc');
const meOtherUnit = who(['officer'], 'ME', 'other');
const thirdCountry = who(['cooperation_officer'], 'AL', 'spoc');
const sameUnitIdAbroad = who(['officer'], 'MK', 'own');
const judge = who(['judge'], 'RS', 'own');
const caseworker = who(['ngo_caseworker'], 'ME', 'spoc');
const regional = who(['analyst'], null, 'own');
const dpo = who(['dpo'], 'ME', 'spoc');

const ROWS: Row[] = [
  ['the sender reads its side’s record', sender, 'message.view', message('RS', 'H2'), true],
  ['the sender does not read the recipient’s record', sender, 'message.view', message('ME', 'H2'), false],
  ['the recipient reads its side’s record', recipient, 'message.view', message('ME', 'H2'), true],
  ['and not the sender’s', recipient, 'message.view', message('RS', 'H2'), false],
  [
    'a supervisor of the receiving unit reads',
    recipientSupervisor,
    'message.view',
    message('ME', 'H2'),
    true,
  ],
  [
    'another unit of the sender’s country does not',
    colleagueElsewhere,
    'message.view',
    message('RS', 'H0'),
    false,
  ],
  [
    'another unit of the recipient’s country does not',
    meOtherUnit,
    'message.view',
    message('ME', 'H0'),
    false,
  ],
  ['a third country does not', thirdCountry, 'message.view', message('ME', 'H0'), false],
  ['a unit id seen abroad opens nothing', sameUnitIdAbroad, 'message.view', message('RS', 'H0'), false],
  ['a judge of the sending unit does not', judge, 'message.view', message('RS', 'H0'), false],
  ['an NGO caseworker does not', caseworker, 'message.view', message('ME', 'H0'), false],
  ['a DPO does not read messages', dpo, 'message.view', message('ME', 'H0'), false],
  ['a regional member does not', regional, 'message.view', message('RS', 'H0'), false],
  [
    'a case-linked thread is closed to one who may not see the case',
    sender,
    'message.view',
    message('RS', 'H0', { caseVisible: false }),
    false,
  ],
  ['and open to one who may', sender, 'message.view', message('RS', 'H0', { caseVisible: true }), true],
  // Sending and acknowledging.
  ['the sender sends', sender, 'message.send', message('RS', 'H1'), true],
  ['nobody sends in another unit’s name', recipient, 'message.send', message('RS', 'H1'), false],
  ['the recipient acknowledges', recipient, 'message.acknowledge', message('ME', 'H1'), true],
  ['the sender does not acknowledge its own', sender, 'message.acknowledge', message('RS', 'H1'), false],
  // H2: no passing on beyond the parties without the provider's permission.
  ['H0 is forwarded', recipient, 'message.forward', message('ME', 'H0'), true],
  ['H2 is not forwarded to an outsider', recipient, 'message.forward', message('ME', 'H2'), false],
  [
    'H2 may go back among its own parties',
    recipient,
    'message.forward',
    message('ME', 'H2', { toOutsider: false }),
    true,
  ],
  [
    'H2 is forwarded once the provider granted it',
    recipient,
    'message.forward',
    message('ME', 'H2', { forwardGranted: true }),
    true,
  ],
  ['the provider passes its own H2 on', sender, 'message.forward', message('RS', 'H2'), true],
  ['the recipient asks the provider', recipient, 'message.permission.ask', message('ME', 'H2'), true],
  ['the provider does not ask itself', sender, 'message.permission.ask', message('RS', 'H2'), false],
  // H1: not for court without the provider's permission.
  ['H1 is not for court', recipient, 'message.use_in_court', message('ME', 'H1'), false],
  [
    'H1 is for court once permitted',
    recipient,
    'message.use_in_court',
    message('ME', 'H1', { courtGranted: true }),
    true,
  ],
  ['the provider uses its own H1 in court', sender, 'message.use_in_court', message('RS', 'H1'), true],
  ['H2 is no court question', recipient, 'message.use_in_court', message('ME', 'H2'), true],
  // The provider's answer.
  [
    'the provider answers a request of its side',
    sender,
    'message.permission.answer',
    {
      type: 'message_permission',
      holderJurisdiction: 'RS',
      side: 'providing',
      providerUnitId: OWN_UNIT,
      status: 'pending',
    },
    true,
  ],
  [
    'once',
    sender,
    'message.permission.answer',
    {
      type: 'message_permission',
      holderJurisdiction: 'RS',
      side: 'providing',
      providerUnitId: OWN_UNIT,
      status: 'refused',
    },
    false,
  ],
  [
    'the asker does not answer its own request',
    recipient,
    'message.permission.answer',
    {
      type: 'message_permission',
      holderJurisdiction: 'ME',
      side: 'asking',
      providerUnitId: OWN_UNIT,
      status: 'pending',
    },
    false,
  ],
];

describe('message policy', () => {
  it.each(ROWS)('%s', (_name, actor, action, resource, expected) => {
    expect(decide(actor, action, resource).allowed).toBe(expected);
  });

  it('lists the messages of the actor’s own unit, and none for roles outside the exchange', () => {
    expect(listScope(sender, 'message.view', 'message')).toEqual({ kind: 'units', unitIds: [OWN_UNIT] });
    expect(listScope(judge, 'message.view', 'message')).toEqual({ kind: 'none' });
    expect(listScope(regional, 'message.view', 'message')).toEqual({ kind: 'none' });
  });

  it('gives the H2 refusal its own reason, which the service answers as 409', () => {
    expect(decide(recipient, 'message.forward', message('ME', 'H2')).reason).toBe('handling_code');
    expect(decide(recipient, 'message.use_in_court', message('ME', 'H1')).reason).toBe('handling_code');
  });
});
