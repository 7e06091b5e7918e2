import type { PersonsErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of persons and their consent; the codes
 * themselves are in packages/shared/src/errors/persons.ts, where the web app finds them.
 */
export const PERSONS_ERRORS: ModuleErrors<PersonsErrorCode> = {
  screening_changed_meanwhile: { status: 409, title: 'The screening changed at the same moment' },
  consent_recorded_meanwhile: { status: 409, title: 'Another version was recorded at the same moment' },
};
