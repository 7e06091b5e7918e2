import { describe, expect, it } from 'vitest';
import { ROLES } from '@veza/shared';
import type { Action, Role } from '@veza/shared';
import { capabilities, decide } from '../../platform/policy/index.ts';
import { actor, answers } from '../../platform/policy/policy-table.testing.ts';

const ACTIONS: readonly Action[] = ['screening.assess', 'instrument.view', 'instrument.publish'];

// One column per action above: Y allowed, . refused. The same in every jurisdiction and regionally:
// instruments are shared by the region and an assessment stores nothing about anybody.
// prettier-ignore
const EXPECTED: Record<Role, string> = {
  //                     assess view publish
  officer:              'Y      Y    .',
  analyst:              '.      .    .',
  supervisor:           'Y      Y    .',
  prosecutor:           '.      .    .',
  judge:                '.      .    .',
  ngo_caseworker:       'Y      Y    .',
  national_coordinator: 'Y      Y    Y',
  cooperation_officer:  '.      .    .',
  trainer:              '.      .    .',
  dpo:                  '.      .    .',
  sysadmin:             '.      .    .',
};

const ROWS = ROLES.flatMap((role) =>
  (['RS', 'AL', null] as const).flatMap((jurisdiction) =>
    ACTIONS.map((action, i) => ({
      role,
      jurisdiction,
      action,
      expected: answers(EXPECTED[role])[i] === true,
    })),
  ),
);

describe('screening policy: one row per role x jurisdiction x action', () => {
  it('has an answer for every action of every role', () => {
    for (const role of ROLES) expect(answers(EXPECTED[role]), role).toHaveLength(ACTIONS.length);
  });

  it.each(ROWS)(
    '$role ($jurisdiction) may $action: $expected',
    ({ role, jurisdiction, action, expected }) => {
      const who = actor([role], jurisdiction);
      expect(decide(who, action, { type: 'instrument', instrumentId: 'veza.full' }).allowed).toBe(expected);
      expect(decide(who, action, { type: 'instrument' }).allowed).toBe(expected);
    },
  );

  it('makes screening a capability of the officer (home page) but not of the trainer', () => {
    expect(capabilities(actor(['officer']))).toEqual(expect.arrayContaining(['screening.assess']));
    expect(capabilities(actor(['officer']))).not.toContain('instrument.publish');
    expect(capabilities(actor(['national_coordinator']))).toContain('instrument.publish');
    expect(capabilities(actor(['trainer']))).not.toContain('screening.assess');
  });

  it('adds up the roles of someone who holds several', () => {
    expect(decide(actor(['analyst', 'officer']), 'screening.assess', { type: 'instrument' }).allowed).toBe(
      true,
    );
  });
});
