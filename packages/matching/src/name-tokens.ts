import { foldToAscii } from './transliterate.ts';
import { phoneticKey } from './phonetic.ts';

/** One part of a name, with the original spelling kept beside every derived form. */
export interface NameToken {
  /** As written in the record (case and script preserved). */
  readonly original: string;
  /** Folded to lower-case ASCII (Đorđević -> djordjevic). */
  readonly folded: string;
  /** Phonetic key merging regional spellings (Djordjevic, Dordevic, Ђорђевић -> dordevic). */
  readonly key: string;
  /** A single letter, as in "M. Petrović". */
  readonly initial: boolean;
  /** The folded form ends in e (or ë), which Albanian definite forms replace by a (Dritë / Drita). */
  readonly schwa: boolean;
  /** Process-local number of this spelling, used to memoise token comparisons. */
  readonly id: number;
}

/** A name split into tokens, ready to be compared many times without re-normalising. */
export interface PreparedName {
  readonly original: string;
  readonly tokens: readonly NameToken[];
}

// Honorifics and particles that say nothing about identity.
const NOISE = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'sir',
  'gosp',
  'gospodin',
  'gospodja',
  'gdja',
  'zot',
  'zonja',
]);

/** Names longer than this are cut: no real name has more parts, and it bounds the work per record. */
export const MAX_NAME_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

const tokenCache = new Map<string, NameToken | null>();
let nextTokenId = 0;
const TOKEN_CACHE_LIMIT = 200_000;

/** Normalises one token as written; returns null for noise (titles, punctuation, digits only). */
export function prepareToken(original: string): NameToken | null {
  const cached = tokenCache.get(original);
  if (cached !== undefined) return cached;
  const folded = foldToAscii(original.slice(0, MAX_TOKEN_LENGTH)).replace(/[^a-z]/g, '');
  let token: NameToken | null = null;
  if (folded.length > 0 && !NOISE.has(folded)) {
    token = {
      original,
      folded,
      key: folded.length === 1 ? folded : phoneticKey(folded),
      initial: folded.length === 1,
      schwa: folded.length > 2 && folded.endsWith('e'),
      id: nextTokenId++,
    };
  }
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(original, token);
  return token;
}

// Separators inside names: spaces, commas (SURNAME, Given), hyphens of double surnames, dots of
// initials, slashes and brackets of alternative spellings.
const SEPARATORS = /[\s,.;:/\\()[\]{}"“”„«»\-‐–—_|+*#&0-9]+/u;

/** Splits a full name into comparable tokens, in any order and any script. */
export function prepareName(name: string): PreparedName {
  const tokens: NameToken[] = [];
  for (const part of name.split(SEPARATORS)) {
    if (part.length === 0) continue;
    const token = prepareToken(part);
    if (token !== null) tokens.push(token);
    if (tokens.length >= MAX_NAME_TOKENS) break;
  }
  return { original: name, tokens };
}
