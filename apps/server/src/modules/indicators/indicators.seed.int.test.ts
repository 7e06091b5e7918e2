import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { instrumentVersions } from '@veza/db';
import { openConfiguredDatabase } from '../../setup/start-server.ts';
import { testConfig } from '../../testing/app-fixture.ts';
import { FULL_INTERVIEW_ID, RAPID_SCREEN_ID } from './library/index.ts';

describe('installing the screening library at start-up', () => {
  it('publishes version 1 of each shipped instrument once, whatever the number of starts', async () => {
    const config = testConfig();
    try {
      for (const _start of [1, 2]) {
        const database = await openConfiguredDatabase(config);
        try {
          const rows = await database.db
            .select({ id: instrumentVersions.instrumentId, version: instrumentVersions.version })
            .from(instrumentVersions)
            .orderBy(asc(instrumentVersions.instrumentId));
          expect(rows).toEqual([
            { id: FULL_INTERVIEW_ID, version: 1 },
            { id: RAPID_SCREEN_ID, version: 1 },
          ]);
        } finally {
          await database.close();
        }
      }
    } finally {
      await rm(config.dataDir, { recursive: true, force: true });
    }
  });
});
