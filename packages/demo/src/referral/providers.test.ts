import { describe, expect, it } from 'vitest';
import { JURISDICTIONS, PROVIDER_SERVICES } from '@veza/shared';
import { generateScenario } from '../scenario/generate.ts';
import { generateProviders } from './providers.ts';

describe('demo provider directory', () => {
  const scenario = generateScenario();
  const providers = generateProviders(scenario);

  it('has several providers in every jurisdiction, one of them the demo NGO’s shelter', () => {
    for (const code of JURISDICTIONS) {
      const here = providers.filter((p) => p.jurisdiction === code);
      expect(here.length, code).toBeGreaterThanOrEqual(4);
      const ngo = scenario.agencies.find((a) => a.jurisdiction === code && a.kind === 'ngo');
      const linked = here.filter((p) => p.agencyId !== null);
      expect(
        linked.map((p) => p.agencyId),
        code,
      ).toEqual([ngo?.id]);
      expect(linked[0]?.services, code).toContain('shelter');
      expect(
        here.some((p) => p.open24h),
        code,
      ).toBe(true);
    }
  });

  it('offers every service somewhere, and sane capacities', () => {
    const offered = new Set(providers.flatMap((p) => p.services));
    expect([...offered].sort()).toEqual([...PROVIDER_SERVICES].sort());
    for (const p of providers) {
      if (p.capacity === null) expect(p.available, p.name).toBeNull();
      else expect(p.available ?? -1, p.name).toBeLessThanOrEqual(p.capacity);
      expect(p.email, p.name).toMatch(/\.example$/);
    }
  });

  it('gives the same ids on every run', () => {
    const again = generateProviders(generateScenario());
    expect(again.map((p) => p.id)).toEqual(providers.map((p) => p.id));
    expect(new Set(providers.map((p) => p.id)).size).toBe(providers.length);
  });
});
