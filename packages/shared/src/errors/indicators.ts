/** Codes of modules/indicators: the indicator library and its instruments. */
export const INDICATORS_ERROR_CODES = ['instrument_published_meanwhile'] as const;
export type IndicatorsErrorCode = (typeof INDICATORS_ERROR_CODES)[number];
