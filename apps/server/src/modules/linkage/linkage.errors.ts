import type { LinkageErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of linkage across cases; the codes
 * themselves are in packages/shared/src/errors/linkage.ts, where the web app finds them.
 */
export const LINKAGE_ERRORS: ModuleErrors<LinkageErrorCode> = {
  entity_not_merged: { status: 409, title: 'The entity is not joined to another' },
};
