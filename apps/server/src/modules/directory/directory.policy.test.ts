import { describe, expect, it } from 'vitest';
import { capabilities, listScope } from '../../platform/policy/index.ts';
import {
  actor,
  testRoleTable,
  type Probe,
  type RoleTable,
} from '../../platform/policy/policy-table.testing.ts';

const SERBIAN_ENTRY = {
  type: 'directory_entry' as const,
  id: '00000000-0000-4000-8000-00000000d1e1',
  jurisdiction: 'RS' as const,
};

const PROBES: Probe[] = [
  { name: 'read a Serbian entry', action: 'directory.view', resource: SERBIAN_ENTRY },
  { name: 'edit or confirm a Serbian entry', action: 'directory.manage', resource: SERBIAN_ENTRY },
];

/** Rows: the role; columns: actor of Serbia (own), of North Macedonia (foreign), of a regional body. */
const TABLE: RoleTable = {
  officer: { own: 'Y .', foreign: 'Y .', regional: 'Y .' },
  analyst: { own: 'Y .', foreign: 'Y .', regional: 'Y .' },
  supervisor: { own: 'Y .', foreign: 'Y .', regional: 'Y .' },
  prosecutor: { own: 'Y .', foreign: 'Y .', regional: 'Y .' },
  judge: { own: 'Y .', foreign: 'Y .', regional: 'Y .' },
  ngo_caseworker: { own: 'Y .', foreign: 'Y .', regional: 'Y .' },
  national_coordinator: { own: 'Y Y', foreign: 'Y .', regional: 'Y .' },
  cooperation_officer: { own: 'Y .', foreign: 'Y .', regional: 'Y .' },
  trainer: { own: 'Y .', foreign: 'Y .', regional: 'Y .' },
  dpo: { own: 'Y .', foreign: 'Y .', regional: 'Y .' },
  sysadmin: { own: 'Y Y', foreign: 'Y .', regional: 'Y Y' },
};

describe('directory policy', () => {
  testRoleTable(PROBES, TABLE);

  it('lists every jurisdiction to readers and only their own to keepers', () => {
    expect(listScope(actor(['officer'], 'RS'), 'directory.view', 'directory_entry')).toEqual({ kind: 'all' });
    expect(listScope(actor(['national_coordinator'], 'ME'), 'directory.manage', 'directory_entry')).toEqual({
      kind: 'jurisdictions',
      codes: ['ME'],
    });
    expect(listScope(actor(['sysadmin'], null), 'directory.manage', 'directory_entry')).toEqual({
      kind: 'all',
    });
    expect(listScope(actor(['officer'], 'RS'), 'directory.manage', 'directory_entry')).toEqual({
      kind: 'none',
    });
  });

  it('offers the directory in the navigation to everyone and editing to keepers only', () => {
    expect(capabilities(actor(['trainer'], null))).toContain('directory.view');
    expect(capabilities(actor(['officer'], 'RS'))).not.toContain('directory.manage');
    expect(capabilities(actor(['national_coordinator'], 'ME'))).toContain('directory.manage');
  });
});
