/** Codes of modules/referral: referrals and their lifecycle. */
export const REFERRAL_ERROR_CODES = ['consent_missing', 'referral_transition_refused'] as const;
export type ReferralErrorCode = (typeof REFERRAL_ERROR_CODES)[number];
