import { describe, expect, it } from 'vitest';
import { generateProviders } from '../referral/providers.ts';
import { generateScenario } from '../scenario/generate.ts';
import { generateVictimScenario } from './generate.ts';
import type { VictimIndicator } from './generate.ts';

const indicator = (id: string, element: string, types: string[], tags: string[] = []): VictimIndicator => ({
  id,
  element,
  exploitationTypes: types,
  appliesTo: 'both',
  tags,
});
const ALL = ['sexual', 'labour', 'begging', 'forced_criminality', 'domestic_servitude', 'forced_marriage'];
const instruments = {
  rapid: { id: 'veza.rapid', indicators: [indicator('rapid.documents', 'means', ALL)] },
  full: {
    id: 'veza.full',
    indicators: [
      indicator('act.recruited', 'act', ALL),
      indicator('means.debt', 'means', ALL),
      indicator('purpose.work', 'purpose', ALL),
      indicator('drugs.forced_to_sell', 'purpose', ['forced_criminality'], ['drugs']),
    ],
  },
};

describe('victim-identification demo generator', () => {
  const scenario = generateScenario();
  const options = {
    scenario,
    providers: generateProviders(scenario),
    instruments,
    now: new Date('2026-11-23T12:00:00Z'),
  };

  it('gives the same data for the same seed and day', () => {
    const a = generateVictimScenario(options);
    const b = generateVictimScenario(options);
    expect(b.screenings.map((s) => s.reference)).toEqual(a.screenings.map((s) => s.reference));
    expect(b.persons.map((p) => p.identity)).toEqual(a.persons.map((p) => p.identity));
  });

  it('writes each person in the script of their language', () => {
    const { persons } = generateVictimScenario(options);
    const macedonian = persons.filter((p) => p.nationality === 'MK');
    expect(macedonian.every((p) => /\p{Script=Cyrillic}/u.test(p.identity.givenName))).toBe(true);
    // Macedonian surnames agree with the person: Николовска for a woman.
    expect(macedonian.some((p) => p.sex === 'female' && /ска$/u.test(p.identity.familyName))).toBe(true);
    const croatian = persons.filter((p) => p.nationality === 'HR');
    expect(croatian.every((p) => !/\p{Script=Cyrillic}/u.test(p.identity.familyName))).toBe(true);
  });

  it('links drug indicators to some screenings and numbers references per jurisdiction', () => {
    const { screenings } = generateVictimScenario(options);
    expect(screenings.some((s) => s.answers['drugs.forced_to_sell'] === 'yes')).toBe(true);
    const serbian = screenings.filter((s) => s.jurisdiction === 'RS').map((s) => s.reference);
    expect(new Set(serbian).size).toBe(serbian.length);
    expect(serbian).toContain('S-RS-000001');
  });
});
