import type { Indicator } from '@veza/shared';
import type { AuthoredText } from '../indicators.localise.ts';

/** An indicator as written in the library files: Serbian Latin is derived when the library is built. */
export interface AuthoredIndicator extends Omit<Indicator, 'text' | 'tags'> {
  tags?: string[];
  text: AuthoredText;
}

/**
 * The forms of exploitation most general indicators concern. Forced criminality is left out on
 * purpose: that type marks the indicators of compelled offences, and a "yes" on any of them raises the
 * non-punishment alert, which a general sign (a retained passport, a debt) must not do by itself.
 * Organ removal and forced marriage have indicators of their own.
 */
export const GENERAL_FORMS = [
  'sexual',
  'labour',
  'begging',
  'domestic_servitude',
] as const satisfies Indicator['exploitationTypes'];
