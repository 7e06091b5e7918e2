import { foldToAscii } from './transliterate.ts';
import { phoneticKey } from './phonetic.ts';
import { KNOWN_SPELLINGS } from './regional-names.ts';
import { serbianCyrillicToLatin } from './serbian.ts';

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
  /** The folded form with Macedonian kj/gj written plain k/g (Ќиро / Kiro), compared often. */
  readonly plainKG: string;
  /** Lower-case, Serbian Cyrillic written in Latin, diacritics kept (Шимић -> šimić). */
  readonly spelling: string;
  /** `spelling` is in the regional name lists (Šimić, Шимић, Simić). */
  readonly listedSpelling: boolean;
  /** The folded form is that of a listed name (vuckovic for Vučković). */
  readonly listedFolded: boolean;
  /** Process-local number of this spelling, used to memoise token comparisons. */
  readonly id: number;
  /**
   * An East Slavic patronymic (Викторович, Viktorovich, Ivanovna): many records leave it out, so
   * its absence counts less than another missing part. Serbian surnames end in -ić (ћ), not -ич.
   */
  readonly patronymic?: boolean;
  /** A number in an organisation's name (Brigade 44, Brigade Forty-Four): it matches only itself. */
  readonly numeric?: boolean;
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
  // Titles that records put before a name in other languages (the region's case files meet them in
  // migrant-smuggling cases): they say what someone is, not who.
  'president',
  'prof',
  'professor',
  'sheikh',
  'shaikh',
  'sheik',
  'general',
  'colonel',
  'senator',
  'excellency',
  'hon',
]);

/** Names longer than this are cut: no real name has more parts, and it bounds the work per record. */
export const MAX_NAME_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

const SOFTENED = /([kg])j/g;
const JOINED_INITIALS = /^\p{Lu}{2}$/u;
const PATRONYMIC = /.{3}(?:ovich|evich|ovych|evych|ovna|evna|ivna)$/;
const CYRILLIC_PATRONYMIC = /.{3}(?:вич|вна|ична)$/u;

// Cyrillic and Latin letters that look the same (Р/P, Н/H, С/C, В/B ...): a word typed with both
// scripts (a Cyrillic keyboard left on for one letter, a scan read by OCR) is read in the script of
// most of its letters, so "Рetrović" is Petrović, not Retrović.
const CYRILLIC_LOOKALIKES = 'АВЕКМНОРСТХУаеорсухіјЅѕ';
const LATIN_LOOKALIKES = 'ABEKMHOPCTXYaeopcyxijSs';
const TO_LATIN = new Map([...CYRILLIC_LOOKALIKES].map((c, i) => [c, LATIN_LOOKALIKES[i] as string]));
const TO_CYRILLIC = new Map([...LATIN_LOOKALIKES].map((c, i) => [c, CYRILLIC_LOOKALIKES[i] as string]));
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

function oneScript(word: string): string {
  let cyrillic = 0;
  let latin = 0;
  for (const ch of word) {
    if (CYRILLIC.test(ch)) cyrillic++;
    else if (LATIN.test(ch)) latin++;
  }
  if (cyrillic === 0 || latin === 0) return word;
  const into = cyrillic > latin ? TO_CYRILLIC : TO_LATIN;
  let out = '';
  for (const ch of word) out += into.get(ch) ?? ch;
  return out;
}

/**
 * A whole word of Latin look-alikes in a name otherwise written in Cyrillic (BECHA ПОПОВИЋ) was
 * typed with the wrong keyboard layout or read so by OCR: it is read as Cyrillic.
 */
function cyrillicIfLookalike(word: string, nameHasCyrillic: boolean): string {
  if (!nameHasCyrillic || CYRILLIC.test(word)) return word;
  let out = '';
  for (const ch of word) {
    const cyrillic = TO_CYRILLIC.get(ch);
    if (cyrillic === undefined) return word;
    out += cyrillic;
  }
  return out;
}

const KNOWN_FOLDED: ReadonlySet<string> = new Set(
  [...KNOWN_SPELLINGS].map((name) => foldToAscii(name).replace(/[^a-z]/g, '')),
);

const tokenCache = new Map<string, NameToken | null>();
let nextTokenId = 0;
const TOKEN_CACHE_LIMIT = 200_000;

/** Normalises one token as written; returns null for noise (titles, punctuation, digits only). */
export function prepareToken(original: string): NameToken | null {
  const cached = tokenCache.get(original);
  if (cached !== undefined) return cached;
  const letters = oneScript(original.slice(0, MAX_TOKEN_LENGTH));
  const folded = foldToAscii(letters).replace(/[^a-z]/g, '');
  let token: NameToken | null = null;
  if (folded.length > 0 && !NOISE.has(folded)) {
    const spelling = serbianCyrillicToLatin(letters.normalize('NFC').toLowerCase());
    token = {
      original,
      folded,
      key: folded.length === 1 ? folded : phoneticKey(folded),
      initial: folded.length === 1,
      schwa: folded.length > 2 && folded.endsWith('e'),
      plainKG: folded.replace(SOFTENED, '$1'),
      spelling,
      listedSpelling: KNOWN_SPELLINGS.has(spelling),
      listedFolded: KNOWN_FOLDED.has(folded),
      patronymic: PATRONYMIC.test(folded) || CYRILLIC_PATRONYMIC.test(letters.toLowerCase()),
      id: nextTokenId++,
    };
  }
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(original, token);
  return token;
}

// Separators inside names: spaces, commas (SURNAME, Given), hyphens of double surnames, dots of
// initials, slashes and brackets of alternative spellings, the middle dots of Japanese and Chinese
// transcriptions (バラク・オバマ), the filler of passports' machine-readable zones (PETROVIC<<MARKO).
const SEPARATORS = /[\s,.;:/\\()[\]{}"“”„«»\-‐–—_|+*#&%·・0-9<]+/u;
const ORGANISATION_SEPARATORS = /[\s,.;:/\\()[\]{}"“”„«»\-‐–—_|+*#&%·・]+/u;

// Digits typed for look-alike letters inside a word (Ig0r Sech1n, I9or).
const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
};
const DIGIT_IN_WORD = /(?<=\p{L})[0-9](?=\p{L})/gu;
// In a person's name a digit beside a letter is a misread letter too (0LIVERA, MARK0 in a
// machine-readable zone): persons' names have no numbers.
const DIGIT_BY_LETTER = /(?<=\p{L})[0-9]|[0-9](?=\p{L})/gu;
const HAS_DIGIT = /[0-9]/;

/** Whose name it is: organisation names lose their legal form (LLC, d.o.o., sh.p.k.) and keep numbers. */
export type NameKind = 'person' | 'organisation';

/** Splits a full name into comparable tokens, in any order and any script. */
export function prepareName(name: string, kind: NameKind = 'person'): PreparedName {
  let text = name.length > 400 ? name.slice(0, 400) : name;
  if (HAS_DIGIT.test(text))
    text = text.replace(kind === 'person' ? DIGIT_BY_LETTER : DIGIT_IN_WORD, (d) => LOOKALIKE_DIGITS[d] ?? d);
  if (kind === 'organisation') return prepareOrganisationName(name, text);
  const tokens: NameToken[] = [];
  const hasCyrillic = CYRILLIC.test(text);
  const parts = text.split(SEPARATORS).filter((part) => part.length > 0);
  // Two capitals beside words in mixed case are two initials run together (JC Juncker); in a name
  // written all in capitals they are a short name (KO TAE HUN).
  const mixedCase = parts.some((part) => part !== part.toUpperCase());
  for (const written of parts) {
    const asInitials = mixedCase && JOINED_INITIALS.test(written) ? [...written] : [written];
    for (const part of asInitials) {
      const token = prepareToken(cyrillicIfLookalike(part, hasCyrillic));
      if (token !== null) tokens.push(token);
    }
    if (tokens.length >= MAX_NAME_TOKENS) break;
  }
  return { original: name, tokens: tokens.slice(0, MAX_NAME_TOKENS) };
}

// Legal forms, as folded token sequences after dotted abbreviations are closed up (S.A.R.L. -> sarl,
// d.o.o. -> doo, sh.p.k. -> shpk): the region's (d.o.o., DOOEL, a.d., sh.p.k., sh.a.), Russian and
// Ukrainian (OOO, OAO, ZAO, PAO, AO, TOV) and the usual international ones. They say what kind of
// company it is, not which, and registers write them in full, abbreviated or not at all.
const LEGAL_FORMS = `
llc|ltd|limited|inc|incorporated|corp|corporation|co|company|plc|gmbh|ag|aktiengesellschaft|sa|sarl|srl
sas|spa|nv|bv|ab|as|oy|oyj|kg|ohg|lp|llp|pte|pty|jsc|ojsc|cjsc|pjsc|oao|zao|pao|ao|ooo|tov|doo|dooel
dd|ad|shpk|sha|spzoo|sro|kft|zrt|ltda|se|ug|gbr|bhd|sdn|kk|lda|kht|sp z oo|sp z o o|sh p k|d o o|o o o
l l c|limited liability company|limited liability partnership|joint stock company|open joint stock company
closed joint stock company|public joint stock company|public limited company|private limited company
gesellschaft mit beschrankter haftung|societatea cu raspundere limitata|sociedad anonima|societe anonyme
sociedad de responsabilidad limitada|drustvo sa ogranicenom odgovornoscu|drustvo so ogranicena odgovornost
drustvo s ogranicenom odgovornoscu|akcionarsko drustvo|dionicko drustvo|shoqeri me pergjegjesi te kufizuar
shoqeri aksionare|obshchestvo s ogranichennoy otvetstvennostyu|aktsionernoe obshchestvo|the|of|and`
  .trim()
  .split(/[|\n]/)
  .map((f) => f.split(' '));
const LEGAL_FORMS_BY_FIRST = new Map<string, string[][]>();
for (const form of LEGAL_FORMS) {
  const first = form[0] as string;
  const list = LEGAL_FORMS_BY_FIRST.get(first) ?? [];
  list.push(form);
  list.sort((x, y) => y.length - x.length);
  LEGAL_FORMS_BY_FIRST.set(first, list);
}

// Dotted abbreviations (A.B.C., S.A.R.L., G.m.b.H., sh.p.k., o.O.O.): closed up into one word.
const DOTTED = /(?<!\p{L})(?:\p{L}{1,2}\.\s?)+\p{L}{1,2}(?!\p{L})\.?/gu;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const ORDINAL = /^([0-9]+)(?:st|nd|rd|th)$/;

function numberOf(part: string): number | null {
  if (/^[0-9]+$/.test(part)) return part.length > 12 ? null : Number(part);
  const lower = part.toLowerCase();
  const ordinal = ORDINAL.exec(lower);
  if (ordinal) return Number(ordinal[1]);
  return NUMBER_WORDS[lower] ?? null;
}

function numericToken(value: number): NameToken {
  const original = `#${value}`;
  const cached = tokenCache.get(original);
  if (cached) return cached;
  const token: NameToken = {
    original: String(value),
    folded: String(value),
    key: String(value),
    initial: false,
    schwa: false,
    plainKG: String(value),
    spelling: String(value),
    listedSpelling: false,
    listedFolded: false,
    id: nextTokenId++,
    numeric: true,
  };
  tokenCache.set(original, token);
  return token;
}

function prepareOrganisationName(original: string, text: string): PreparedName {
  const closed = text.replace(DOTTED, (m) => m.replace(/[.\s]/g, '')).replace(/['’]s(?!\p{L})/gu, '');
  const tokens: NameToken[] = [];
  let pendingTens: number | null = null;
  for (const part of closed.split(ORGANISATION_SEPARATORS)) {
    if (part.length === 0) continue;
    const value = numberOf(part);
    if (value !== null) {
      // Forty-Four, Forty 4 -> 44.
      if (pendingTens !== null && value > 0 && value < 10 && tokens.length > 0) {
        tokens[tokens.length - 1] = numericToken(pendingTens + value);
        pendingTens = null;
        continue;
      }
      pendingTens = value >= 20 && value < 100 && value % 10 === 0 ? value : null;
      tokens.push(numericToken(value));
    } else {
      pendingTens = null;
      const token = prepareToken(part);
      if (token !== null) tokens.push(token);
    }
    if (tokens.length >= MAX_NAME_TOKENS * 2) break;
  }
  const kept: NameToken[] = [];
  for (let i = 0; i < tokens.length;) {
    const forms = LEGAL_FORMS_BY_FIRST.get((tokens[i] as NameToken).folded);
    const form = forms?.find((f) => f.every((w, k) => tokens[i + k]?.folded === w));
    if (form !== undefined) {
      i += form.length;
      continue;
    }
    kept.push(tokens[i] as NameToken);
    i++;
  }
  // A name that is nothing but a legal form ("Company") keeps its words.
  const result = kept.length > 0 ? kept : tokens;
  return { original, tokens: result.slice(0, MAX_NAME_TOKENS) };
}
