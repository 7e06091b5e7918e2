/** Codes of modules/requests: information requests and their lifecycle. */
export const REQUESTS_ERROR_CODES = ['request_transition_refused', 'request_no_point_of_contact'] as const;
export type RequestsErrorCode = (typeof REQUESTS_ERROR_CODES)[number];
