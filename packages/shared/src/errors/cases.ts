/** Codes of modules/cases: cases, their teams and join requests. */
export const CASES_ERROR_CODES = ['last_case_owner', 'join_request_pending', 'already_decided'] as const;
export type CasesErrorCode = (typeof CASES_ERROR_CODES)[number];
