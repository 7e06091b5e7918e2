import type { Queryable } from '@veza/db';
import type { DemoScenario } from '@veza/demo';
import { generateProviders } from '@veza/demo/referral/index';
import { insertProviders } from './referral.repository.ts';

/** The demo directory of every jurisdiction, its shelters tied to the demo NGOs. */
export async function seedDemoProviders(
  q: Queryable,
  scenario: Pick<DemoScenario, 'agencies'>,
): Promise<number> {
  const providers = generateProviders(scenario);
  await insertProviders(
    q,
    providers.map((p) => ({
      id: p.id,
      jurisdictionCode: p.jurisdiction,
      agencyId: p.agencyId,
      name: p.name,
      services: [...p.services],
      capacity: p.capacity,
      available: p.available,
      languages: [...p.languages],
      openingHours: p.openingHours,
      open24h: p.open24h,
      acceptsChildren: p.acceptsChildren,
      city: p.city,
      phone: p.phone,
      email: p.email,
      active: true,
    })),
  );
  return providers.length;
}
