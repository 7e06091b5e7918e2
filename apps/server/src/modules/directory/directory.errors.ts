import type { DirectoryErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of the directory; the codes themselves are in
 * packages/shared/src/errors/directory.ts, where the web app finds them.
 */
export const DIRECTORY_ERRORS: ModuleErrors<DirectoryErrorCode> = {
  invalid_phone_number: { status: 400, title: 'Not a valid telephone number' },
  unknown_jurisdiction: { status: 400, title: 'No such jurisdiction' },
  unit_of_other_jurisdiction: {
    status: 400,
    title: "The unit works in another jurisdiction than the entry's",
  },
};
