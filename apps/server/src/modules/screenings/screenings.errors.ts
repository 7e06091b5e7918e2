import type { ScreeningsErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of stored screenings; the codes
 * themselves are in packages/shared/src/errors/screenings.ts, where the web app finds them.
 */
export const SCREENINGS_ERRORS: ModuleErrors<ScreeningsErrorCode> = {
  sync_conflict: { status: 409, title: 'Changed by someone else since the revision you started from' },
  client_id_taken: { status: 409, title: 'This clientId is taken' },
  screening_saved_meanwhile: { status: 409, title: 'Saved by someone else at the same moment' },
};
