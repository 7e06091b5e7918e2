import { describe, expect, it } from 'vitest';
import type { Queryable } from '@veza/db';
import { LOCALES } from '@veza/shared';
import { actor } from '../../platform/policy/policy-table.testing.ts';
import { CALENDAR_TEXTS, requestDeadlines } from './requests.calendar.ts';

/** A database that must not be asked: the contributor should know without reading. */
const untouchable = new Proxy({} as Queryable, {
  get() {
    throw new Error('the database was read');
  },
});

describe('request deadlines in the calendar feed', () => {
  it('titles every language with the reference and nothing else of the request', () => {
    for (const locale of LOCALES) {
      const texts = CALENDAR_TEXTS[locale];
      expect(texts.summary, locale).toContain('{reference}');
      expect(texts.summary.replace('{reference}', ''), locale).not.toMatch(/[{}]/);
      expect(texts.description, locale).toMatch(/\{reference\}.*\{from\}/);
    }
    expect(CALENDAR_TEXTS['sr-Latn'].summary).toBe('Rok za zahtev {reference}');
    expect(new Set(LOCALES.map((locale) => CALENDAR_TEXTS[locale].summary)).size).toBeGreaterThan(5);
  });

  it('gives no deadlines to those who do not answer requests, without reading a row', async () => {
    const now = new Date('2026-12-07T12:00:00Z');
    for (const roles of [['officer'], ['supervisor'], ['prosecutor']] as const)
      expect(await requestDeadlines(untouchable, { actor: actor([...roles]), language: 'en', now })).toEqual(
        [],
      );
    const regional = actor(['cooperation_officer'], null);
    expect(await requestDeadlines(untouchable, { actor: regional, language: 'en', now })).toEqual([]);
  });
});
