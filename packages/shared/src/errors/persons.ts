/** Codes of modules/persons: persons met in screening and their consent. */
export const PERSONS_ERROR_CODES = ['screening_changed_meanwhile', 'consent_recorded_meanwhile'] as const;
export type PersonsErrorCode = (typeof PERSONS_ERROR_CODES)[number];
