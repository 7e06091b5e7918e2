import { describe, expect, it } from 'vitest';
import type { Action, JurisdictionCode } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { capabilities, decide, listScope } from '../../platform/policy/index.ts';
import { actor } from '../../platform/policy/policy-table.testing.ts';

type Row = [string, Actor, Action, JurisdictionCode | null, boolean];

const rows: Row[] = [
  [
    'national coordinator, own jurisdiction',
    actor(['national_coordinator'], 'RS'),
    'statistics.view',
    'RS',
    true,
  ],
  [
    'national coordinator exports own',
    actor(['national_coordinator'], 'RS'),
    'statistics.export',
    'RS',
    true,
  ],
  [
    'national coordinator, other jurisdiction',
    actor(['national_coordinator'], 'RS'),
    'statistics.view',
    'MK',
    false,
  ],
  [
    'national coordinator, whole region',
    actor(['national_coordinator'], 'RS'),
    'statistics.view',
    null,
    false,
  ],
  [
    'regional coordinator, whole region',
    actor(['national_coordinator'], null),
    'statistics.view',
    null,
    true,
  ],
  ['regional analyst, one jurisdiction', actor(['analyst'], null), 'statistics.view', 'AL', true],
  ['regional analyst exports the region', actor(['analyst'], null), 'statistics.export', null, true],
  ['national analyst', actor(['analyst'], 'RS'), 'statistics.view', 'RS', false],
  ['officer', actor(['officer'], 'RS'), 'statistics.view', 'RS', false],
  ['supervisor', actor(['supervisor'], 'HR'), 'statistics.view', 'HR', false],
  ['NGO caseworker', actor(['ngo_caseworker'], 'BA'), 'statistics.view', 'BA', false],
  ['regional trainer', actor(['trainer'], null), 'statistics.view', null, false],
  ['regional DPO', actor(['dpo'], null), 'statistics.export', null, false],
  ['regional administrator', actor(['sysadmin'], null), 'statistics.view', 'ME', false],
];

describe('statistics policy', () => {
  it.each(rows)('%s', (_name, who, action, jurisdiction, expected) => {
    expect(decide(who, action, { type: 'statistics', jurisdiction }).allowed).toBe(expected);
  });

  it('limits a national coordinator to their jurisdiction and gives regional reporters everything', () => {
    expect(listScope(actor(['national_coordinator'], 'XK'), 'statistics.view', 'statistics')).toEqual({
      kind: 'jurisdictions',
      codes: ['XK'],
    });
    expect(listScope(actor(['analyst'], null), 'statistics.view', 'statistics')).toEqual({ kind: 'all' });
    expect(listScope(actor(['officer'], 'XK'), 'statistics.view', 'statistics')).toEqual({ kind: 'none' });
  });

  it('offers the statistics screen only to those who may use it', () => {
    expect(capabilities(actor(['national_coordinator'], 'ME'))).toContain('statistics.view');
    expect(capabilities(actor(['officer'], 'ME'))).not.toContain('statistics.view');
  });
});
