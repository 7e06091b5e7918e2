/** The seven jurisdictions of the Western Balkans served by Veza (XK: Kosovo*). */
export const JURISDICTIONS = ['AL', 'BA', 'HR', 'XK', 'ME', 'MK', 'RS'] as const;
export type JurisdictionCode = (typeof JURISDICTIONS)[number];

/** The UI language a new user of each jurisdiction starts with. */
export const JURISDICTION_DEFAULT_LOCALE: Readonly<Record<JurisdictionCode, Locale>> = {
  AL: 'sq',
  BA: 'bs',
  HR: 'hr',
  XK: 'sq',
  ME: 'cnr',
  MK: 'mk',
  RS: 'sr-Cyrl',
};

import type { Locale } from './locales.ts';
