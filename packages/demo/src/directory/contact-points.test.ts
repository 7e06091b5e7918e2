import { describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js';
import { normalisePhone } from '@veza/matching';
import { JURISDICTIONS } from '@veza/shared';
import { generateScenario } from '../scenario/generate.ts';
import { generateContactPoints } from './contact-points.ts';

const NOW = new Date('2026-12-07T10:00:00Z');
const scenario = generateScenario();

describe('demo directory', () => {
  const points = generateContactPoints(scenario, NOW);

  it('has contact points in all seven jurisdictions, some of them overdue', () => {
    for (const code of JURISDICTIONS) {
      const own = points.filter((p) => p.jurisdiction === code);
      expect(own.length, code).toBeGreaterThanOrEqual(8);
      const overdue = own.filter((p) => NOW.getTime() - p.lastConfirmedAt.getTime() > 184 * 86_400_000);
      expect(overdue.length, code).toBeGreaterThanOrEqual(1);
      expect(overdue.length, code).toBeLessThanOrEqual(2);
    }
  });

  it('writes names in the local script: Cyrillic in North Macedonia and Serbia, Latin elsewhere', () => {
    const named = (code: string) => points.filter((p) => p.jurisdiction === code && p.contactName !== null);
    for (const code of ['MK', 'RS'])
      expect(named(code).every((p) => /\p{Script=Cyrillic}/u.test(p.contactName ?? ''))).toBe(true);
    for (const code of ['AL', 'BA', 'HR', 'ME', 'XK'])
      expect(named(code).every((p) => /^[\p{Script=Latin} ]+$/u.test(p.contactName ?? ''))).toBe(true);
  });

  it('gives every entry a number valid in its country and is the same on every run', () => {
    for (const p of points)
      for (const channel of p.channels.filter((c) => c.kind === 'phone'))
        expect(normalisePhone(channel.address, p.jurisdiction as CountryCode)?.valid, channel.address).toBe(
          true,
        );
    expect(generateContactPoints(scenario, NOW)).toEqual(points);
  });
});
