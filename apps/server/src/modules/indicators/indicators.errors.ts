import type { IndicatorsErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of the indicator library; the codes
 * themselves are in packages/shared/src/errors/indicators.ts, where the web app finds them.
 */
export const INDICATORS_ERRORS: ModuleErrors<IndicatorsErrorCode> = {
  instrument_published_meanwhile: { status: 409, title: 'Another version was published at the same time' },
};
