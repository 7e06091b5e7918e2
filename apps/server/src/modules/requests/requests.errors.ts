import type { RequestsErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/** The HTTP status and English title of each code of information requests (packages/shared/src/errors/requests.ts). */
export const REQUESTS_ERRORS: ModuleErrors<RequestsErrorCode> = {
  request_transition_refused: {
    status: 409,
    title: 'The request cannot take that step from its current status',
  },
  request_no_point_of_contact: {
    status: 409,
    title: 'The requested jurisdiction has no single point of contact to receive the request',
  },
};
