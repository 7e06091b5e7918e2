import { describe, expect, it } from 'vitest';
import type { Instrument, InstrumentContent } from '@veza/shared';
import {
  FULL_INTERVIEW,
  FULL_INTERVIEW_ID,
  RAPID_SCREEN,
  RAPID_SCREEN_ID,
} from '@veza/shared/screening/shipped-indicators.testing';
import { assessOffline } from './offline-assessment.ts';

function published(id: string, version: number, content: InstrumentContent): Instrument {
  return { id, version, ...content, publishedAt: '2026-11-01T00:00:00.000Z', allowed: [] };
}

const rapid = published(RAPID_SCREEN_ID, 1, RAPID_SCREEN);
const full = published(FULL_INTERVIEW_ID, 1, FULL_INTERVIEW);
// A coordinator's second version of the full interview without the drugs questions.
const fullV2 = published(FULL_INTERVIEW_ID, 2, {
  ...FULL_INTERVIEW,
  indicators: full.indicators.filter((i) => !i.id.startsWith('drugs.')),
});
const kept = [rapid, full, fullV2];

describe('assessing without a connection', () => {
  it('finds the signs of a rapid screen as the server would', () => {
    const result = assessOffline(
      { instrumentId: RAPID_SCREEN_ID, answers: { 'rapid.documents_held': 'yes' }, age: 17 },
      kept,
    );
    expect(result).toMatchObject({
      ok: true,
      assessment: { instrumentId: RAPID_SCREEN_ID, version: 1, rule: 'R-RAPID-POSITIVE', childRule: true },
    });
  });

  it('raises the non-punishment alert for a young person made to sell drugs', () => {
    const result = assessOffline(
      {
        instrumentId: FULL_INTERVIEW_ID,
        version: 1,
        answers: { 'drugs.forced_to_sell': 'yes' },
        age: 16,
      },
      kept,
    );
    expect(result.ok && result.assessment.nonPunishmentAlert).toBe(true);
    expect(result.ok && result.assessment.nonPunishmentReasons).toEqual(['drugs.forced_to_sell']);
  });

  it('uses the latest version the device keeps when none is named, and refuses its unknown questions', () => {
    const result = assessOffline(
      { instrumentId: FULL_INTERVIEW_ID, answers: { 'drugs.forced_to_sell': 'yes' } },
      kept,
    );
    expect(result).toEqual({ ok: false, code: 'validation_failed', path: 'answers.drugs.forced_to_sell' });
  });

  it('says so when the device does not keep the instrument or version asked for', () => {
    expect(assessOffline({ instrumentId: 'veza.other', answers: {} }, kept)).toMatchObject({
      ok: false,
      code: 'not_found',
      path: 'instrumentId',
    });
    expect(assessOffline({ instrumentId: RAPID_SCREEN_ID, version: 9, answers: {} }, kept)).toMatchObject({
      ok: false,
      code: 'not_found',
      path: 'version',
    });
  });
});
