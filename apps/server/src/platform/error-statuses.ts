import type { ErrorCode, PlatformErrorCode } from '@veza/shared';
import { AUTH_ERRORS } from '../modules/auth/auth.errors.ts';
import { CASES_ERRORS } from '../modules/cases/cases.errors.ts';
import { EXCHANGE_ERRORS } from '../modules/exchange/exchange.errors.ts';
import { INDICATORS_ERRORS } from '../modules/indicators/indicators.errors.ts';
import { LINKAGE_ERRORS } from '../modules/linkage/linkage.errors.ts';
import { ME_ERRORS } from '../modules/me/me.errors.ts';
import { PERSONS_ERRORS } from '../modules/persons/persons.errors.ts';
import { REFERRAL_ERRORS } from '../modules/referral/referral.errors.ts';
import { SCREENINGS_ERRORS } from '../modules/screenings/screenings.errors.ts';
import { USERS_ERRORS } from '../modules/users/users.errors.ts';
import { PLATFORM_STATUS_BY_CODE, type ModuleErrors } from './errors.ts';

/*
 * The one place the modules' error codes meet the platform's. Each module declares its codes in
 * packages/shared/src/errors/<name>.ts and their statuses in modules/<name>/<name>.errors.ts; a code
 * without a status leaves a key of this exhaustive map missing, which does not compile.
 */

type ModuleErrorCode = Exclude<ErrorCode, PlatformErrorCode>;

function statuses<Code extends ErrorCode>(errors: ModuleErrors<Code>): Record<Code, number> {
  const entries: [string, { status: number }][] = Object.entries(errors);
  return Object.fromEntries(entries.map(([code, error]) => [code, error.status])) as Record<Code, number>;
}

function titles<Code extends ErrorCode>(errors: ModuleErrors<Code>): Record<Code, string> {
  const entries: [string, { title: string }][] = Object.entries(errors);
  return Object.fromEntries(entries.map(([code, error]) => [code, error.title])) as Record<Code, string>;
}

/** HTTP status per error code, the platform's and every module's. */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  ...PLATFORM_STATUS_BY_CODE,
  ...statuses(AUTH_ERRORS),
  ...statuses(ME_ERRORS),
  ...statuses(USERS_ERRORS),
  ...statuses(CASES_ERRORS),
  ...statuses(LINKAGE_ERRORS),
  ...statuses(EXCHANGE_ERRORS),
  ...statuses(INDICATORS_ERRORS),
  ...statuses(SCREENINGS_ERRORS),
  ...statuses(PERSONS_ERRORS),
  ...statuses(REFERRAL_ERRORS),
};

/** English titles of the modules' codes, for API users (problem.ts has the platform's). */
export const MODULE_TITLES: Readonly<Record<ModuleErrorCode, string>> = {
  ...titles(AUTH_ERRORS),
  ...titles(ME_ERRORS),
  ...titles(USERS_ERRORS),
  ...titles(CASES_ERRORS),
  ...titles(LINKAGE_ERRORS),
  ...titles(EXCHANGE_ERRORS),
  ...titles(INDICATORS_ERRORS),
  ...titles(SCREENINGS_ERRORS),
  ...titles(PERSONS_ERRORS),
  ...titles(REFERRAL_ERRORS),
};
