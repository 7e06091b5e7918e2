import type { Queryable } from '@veza/db';
import { DEFAULT_LIBRARY } from './library/index.ts';
import { instrumentExists, insertVersion } from './indicators.repository.ts';

/**
 * Installs version 1 of each shipped instrument that the database does not have yet; safe to run on
 * every start. Instruments that exist are left alone: coordinators own them from then on.
 */
export async function ensureDefaultInstruments(q: Queryable): Promise<string[]> {
  const installed: string[] = [];
  for (const [instrumentId, content] of Object.entries(DEFAULT_LIBRARY)) {
    if (await instrumentExists(q, instrumentId)) continue;
    const inserted = await insertVersion(q, {
      instrumentId,
      version: 1,
      status: 'published',
      publishedAt: new Date(),
      publishedBy: null,
      content,
    });
    if (inserted) installed.push(instrumentId);
  }
  return installed;
}
