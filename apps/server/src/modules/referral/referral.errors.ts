import type { ReferralErrorCode } from '@veza/shared';
import type { ModuleErrors } from '../../platform/errors.ts';

/**
 * The HTTP status and English title of each code of referrals; the codes
 * themselves are in packages/shared/src/errors/referral.ts, where the web app finds them.
 */
export const REFERRAL_ERRORS: ModuleErrors<ReferralErrorCode> = {
  consent_missing: { status: 409, title: 'No consent of the person in force for this recipient' },
  referral_transition_refused: {
    status: 409,
    title: 'The referral cannot move to that status from its current one',
  },
};
