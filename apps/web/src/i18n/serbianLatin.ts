// The subpath keeps the name-matching tables (any-ascii and friends) out of the browser bundle.
import { serbianCyrillicToLatin } from '@veza/matching/serbian';

/** A message catalogue: nested objects whose leaves are ICU messages. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

/**
 * Serbian is written once, in Cyrillic; the Latin catalogue is derived letter by letter. ICU syntax
 * (argument names, plural and select keywords) is ASCII and passes through unchanged.
 */
export function deriveSerbianLatin(cyrillic: Catalogue): Catalogue {
  const latin: Catalogue = {};
  for (const [key, value] of Object.entries(cyrillic)) {
    latin[key] = typeof value === 'string' ? serbianCyrillicToLatin(value) : deriveSerbianLatin(value);
  }
  return latin;
}
