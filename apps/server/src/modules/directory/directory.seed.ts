import type { Queryable } from '@veza/db';
import type { DemoScenario } from '@veza/demo';
import { generateContactPoints } from '@veza/demo/directory/index';
import { insertEntries } from './directory.repository.ts';
import { searchKey } from './directory.search-key.ts';
import { normaliseChannels, withRequestLanguage } from './directory.service.ts';

/** The demo directory of all seven jurisdictions, kept by each one's coordination unit. */
export async function seedDemoDirectory(
  q: Queryable,
  scenario: Pick<DemoScenario, 'agencies' | 'units'>,
  now: Date = new Date(),
): Promise<number> {
  const points = generateContactPoints(scenario, now);
  await insertEntries(
    q,
    points.map((p) => ({
      id: p.id,
      jurisdictionCode: p.jurisdiction,
      function: p.function,
      organisation: p.organisation,
      contactName: p.contactName,
      languages: withRequestLanguage(p.languages),
      availability: p.availability,
      // The same check as a keeper's save: a demo number the plan refuses fails the seed.
      channels: normaliseChannels(p.channels, p.jurisdiction),
      unitId: p.unitId,
      ownerUnitId: p.ownerUnitId,
      searchKey: searchKey(p.organisation, p.contactName),
      lastConfirmedAt: p.lastConfirmedAt,
      createdAt: p.lastConfirmedAt,
      updatedAt: p.lastConfirmedAt,
    })),
  );
  return points.length;
}
