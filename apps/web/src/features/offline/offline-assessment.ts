import type { Assessment, AssessmentRequest, Instrument } from '@veza/shared';
// The engine the server runs too, so that a screening assessed without a connection gets exactly the
// result the server will compute when the screening reaches it.
import { assess, unknownIndicatorIds } from '@veza/shared/screening/assessment';

export type OfflineAssessment =
  { ok: true; assessment: Assessment } | { ok: false; code: 'not_found' | 'validation_failed'; path: string };

/**
 * POST /api/screenings/assess without a network: the same checks and rules as the server, on the
 * instrument versions the device keeps (the answers of GET /api/instruments).
 */
export function assessOffline(
  request: AssessmentRequest,
  instruments: readonly Instrument[],
): OfflineAssessment {
  const versions = instruments.filter((i) => i.id === request.instrumentId);
  const instrument =
    request.version === undefined
      ? versions.reduce<Instrument | undefined>(
          (latest, i) => (!latest || i.version > latest.version ? i : latest),
          undefined,
        )
      : versions.find((i) => i.version === request.version);
  if (!instrument)
    return { ok: false, code: 'not_found', path: request.version === undefined ? 'instrumentId' : 'version' };
  const unknown = unknownIndicatorIds(instrument.indicators, request.answers);
  if (unknown.length > 0) return { ok: false, code: 'validation_failed', path: `answers.${unknown[0]}` };
  const result = assess({
    stage: instrument.stage,
    indicators: instrument.indicators,
    answers: request.answers,
    age: request.age,
    ageInDoubt: request.ageInDoubt,
  });
  return { ok: true, assessment: { ...result, instrumentId: instrument.id, version: instrument.version } };
}
