/** Codes of modules/exchange: imports and exports of a case. */
export const EXCHANGE_ERROR_CODES = [
  'unreadable_file',
  'case_title_ambiguous',
  'disclosure_refused',
] as const;
export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number];
