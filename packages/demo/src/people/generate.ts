import { REGIONAL_NAMES, type PeopleCountry } from './names.ts';
import { createRandom, type Random } from './prng.ts';
import {
  albanianInSlavic,
  clerkAscii,
  macedonianToLatin,
  passportForm,
  serbianToCyrillic,
  toMacedonianCyrillic,
  typingSlip,
} from './spellings.ts';

/** A synthetic person record, shaped like @veza/matching's PersonRecord. */
export interface SyntheticPerson {
  readonly id: string;
  readonly names: readonly string[];
  readonly birthDates: readonly string[];
  readonly gender: 'male' | 'female';
  readonly nationalities: readonly string[];
  readonly phones: readonly string[];
  readonly personalIds: readonly string[];
  readonly documents: readonly string[];
  readonly plates: readonly string[];
  readonly country: PeopleCountry;
}

/** How a planted duplicate's name differs from the original's. */
export type PlantedVariation =
  'script' | 'ascii' | 'passport' | 'order' | 'typo' | 'father-name' | 'albanian-in-slavic' | 'definite-form';

export interface PeopleOptions {
  /** Records in all, duplicates included. */
  readonly count: number;
  readonly seed: number;
  /** Share of persons that get a second record in another spelling (default 0.05). */
  readonly duplicateRate?: number;
}

export interface PlantedDuplicate {
  readonly original: string;
  readonly duplicate: string;
  readonly variation: PlantedVariation;
}

const COUNTRY_WEIGHTS: ReadonlyArray<readonly [PeopleCountry, number]> = [
  ['RS', 0.3],
  ['BA', 0.15],
  ['HR', 0.13],
  ['MK', 0.1],
  ['AL', 0.14],
  ['XK', 0.1],
  ['ME', 0.08],
];

function pickCountry(random: Random): PeopleCountry {
  let u = random.next();
  for (const [c, w] of COUNTRY_WEIGHTS) {
    u -= w;
    if (u < 0) return c;
  }
  return 'RS';
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function jmbg(
  day: number,
  month: number,
  year: number,
  region: number,
  female: boolean,
  random: Random,
): string {
  for (;;) {
    const serial = female ? 500 + random.int(500) : random.int(500);
    const first12 = `${pad(day)}${pad(month)}${pad(year % 1000, 3)}${pad(region)}${pad(serial, 3)}`;
    const weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (weights[i] as number);
    const m = 11 - (sum % 11);
    if (m === 10) continue;
    return first12 + String(m === 11 ? 0 : m);
  }
}

const JMBG_REGIONS: Partial<Record<PeopleCountry, readonly [number, number]>> = {
  RS: [71, 89],
  ME: [21, 29],
  BA: [10, 19],
  MK: [41, 49],
  HR: [30, 39],
};

function personalId(
  country: PeopleCountry,
  day: number,
  month: number,
  year: number,
  female: boolean,
  random: Random,
): string {
  const range = JMBG_REGIONS[country];
  if (range !== undefined)
    return jmbg(day, month, year, range[0] + random.int(range[1] - range[0] + 1), female, random);
  if (country === 'AL') {
    const decade = '0123456789ABCDEFGHIJKLMNOPQRST'[Math.floor((year - 1800) / 10)] as string;
    return `${decade}${year % 10}${pad(month + (female ? 50 : 0))}${pad(day)}${pad(random.int(1000), 3)}${'ABCDEFGHIJKLMNOPQRSTUVW'[random.int(23)]}`;
  }
  return String(1_000_000_000 + random.int(1_000_000_000));
}

// Mobile ranges per country: [trunk prefix options, subscriber digits, country code].
const MOBILE: Readonly<Record<PeopleCountry, readonly [readonly string[], number, string]>> = {
  RS: [['60', '61', '62', '63', '64', '65', '66', '69'], 7, '381'],
  ME: [['67', '68', '69'], 6, '382'],
  BA: [['61', '62', '63', '65'], 6, '387'],
  HR: [['91', '92', '95', '98', '99'], 7, '385'],
  MK: [['70', '71', '72', '75', '76', '77', '78'], 6, '389'],
  AL: [['67', '68', '69'], 7, '355'],
  XK: [['44', '45', '49'], 6, '383'],
};

function phone(country: PeopleCountry, random: Random): string {
  const [prefixes, digits, cc] = MOBILE[country];
  const prefix = random.pick(prefixes);
  let subscriber = '';
  for (let i = 0; i < digits; i++) subscriber += String(random.int(10));
  switch (random.int(3)) {
    case 0:
      return `+${cc} ${prefix} ${subscriber}`;
    case 1:
      return `00${cc}${prefix}${subscriber}`;
    default:
      return `0${prefix}/${subscriber.slice(0, 3)}-${subscriber.slice(3)}`;
  }
}

const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVZ';
function plate(country: PeopleCountry, random: Random): string {
  const l = (): string => LETTERS[random.int(LETTERS.length)] as string;
  const d = (n: number): string => Array.from({ length: n }, () => String(random.int(10))).join('');
  switch (country) {
    case 'BA':
      return `${random.pick(['A', 'E', 'J', 'K', 'M', 'O', 'T'])}${d(2)}-${random.pick(['A', 'E', 'J', 'K', 'M', 'O', 'T'])}-${d(3)}`;
    case 'XK':
      return `${pad(1 + random.int(7))}-${d(3)}-${l()}${l()}`;
    case 'ME':
      return `${random.pick(['PG', 'NK', 'BD', 'HN', 'BR'])} ${l()}${l()}${d(3)}`;
    case 'MK':
      return `${random.pick(['SK', 'BT', 'OH', 'KU', 'TE'])} ${d(4)} ${l()}${l()}`;
    case 'AL':
      return `${l()}${l()} ${d(3)} ${l()}${l()}`;
    case 'HR':
      return `${random.pick(['ZG', 'ST', 'RI', 'OS', 'ZD'])} ${d(4)}-${l()}${l()}`;
    default:
      return `${random.pick(['BG', 'NS', 'NI', 'KG', 'SU'])} ${d(3)}-${l()}${l()}`;
  }
}

interface Person {
  country: PeopleCountry;
  female: boolean;
  given: string;
  surname: string;
  father: string;
  year: number;
  month: number;
  day: number;
}

function feminineSurname(country: PeopleCountry, surname: string): string {
  return country === 'MK' && surname.endsWith('ски') ? surname.slice(0, -1) + 'а' : surname;
}

/** The name as the person's own country's records write it. */
function nativeName(p: Person, random: Random): string {
  const name = `${p.given} ${p.surname}`;
  if (p.country === 'RS') return random.chance(0.5) ? serbianToCyrillic(name) : name;
  if (p.country === 'MK' && random.chance(0.3)) return macedonianToLatin(name, false);
  return name;
}

/** The duplicate's name: one variation of the spelling another unit or country would use. */
function variedName(p: Person, random: Random): [string, PlantedVariation] {
  const albanian = p.country === 'AL' || p.country === 'XK';
  const latin =
    p.country === 'MK'
      ? macedonianToLatin(`${p.given} ${p.surname}`, random.chance(0.3))
      : `${p.given} ${p.surname}`;
  const kinds: PlantedVariation[] = ['script', 'ascii', 'passport', 'order', 'typo', 'father-name'];
  if (albanian) kinds.push('albanian-in-slavic', 'albanian-in-slavic', 'definite-form');
  const kind = random.pick(kinds);
  switch (kind) {
    case 'script':
      if (p.country === 'MK') return [latin, kind];
      if (albanian)
        return [
          random.chance(0.5)
            ? serbianToCyrillic(albanianInSlavic(latin, random))
            : toMacedonianCyrillic(albanianInSlavic(latin, random)),
          kind,
        ];
      return [serbianToCyrillic(latin), kind];
    case 'ascii':
      return [clerkAscii(latin, random), kind];
    case 'passport': {
      const [given, ...rest] = latin.split(' ');
      return [passportForm(`${rest.join(' ')} ${given}`), kind];
    }
    case 'order': {
      const [given, ...rest] = latin.split(' ');
      return [`${rest.join(' ')}${random.chance(0.5) ? ',' : ''} ${given}`, kind];
    }
    case 'typo': {
      const parts = latin.split(' ');
      const at = random.int(parts.length);
      parts[at] = typingSlip(parts[at] as string, random);
      return [parts.join(' '), kind];
    }
    case 'father-name': {
      const father = p.country === 'MK' ? macedonianToLatin(p.father, false) : p.father;
      const [given, ...rest] = latin.split(' ');
      return [`${given} ${father} ${rest.join(' ')}`, kind];
    }
    case 'albanian-in-slavic':
      return [albanianInSlavic(latin, random), kind];
    case 'definite-form': {
      const given = p.given.endsWith('ë')
        ? p.given.slice(0, -1) + 'a'
        : /[aeiou]$/.test(p.given)
          ? p.given
          : p.given + (/[kgh]$/.test(p.given) ? 'u' : 'i');
      return [`${given} ${p.surname}`, kind];
    }
  }
}

function formatBirthDate(p: Person, random: Random): string {
  return random.chance(0.5)
    ? `${pad(p.day)}.${pad(p.month)}.${p.year}.`
    : `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * Streams synthetic persons with planted duplicates (another script, spelling, order, passport
 * form, typing slip, father's name, Albanian written the Slavic way), deterministically from the
 * seed. Planted pairs are reported through `onPlanted` as they are made, so a million records never
 * need to be held at once.
 */
export function* streamPeople(
  options: PeopleOptions,
  onPlanted: (planted: PlantedDuplicate) => void = () => undefined,
): Generator<SyntheticPerson> {
  const random = createRandom(options.seed);
  const rate = options.duplicateRate ?? 0.05;
  let made = 0;
  let serial = 0;
  const nextId = (): string => `person-${pad(serial++, 7)}`;
  while (made < options.count) {
    const country = pickCountry(random);
    const pool = REGIONAL_NAMES[country];
    const female = random.chance(0.5);
    const year = 1950 + random.int(56);
    const month = 1 + random.int(12);
    const day = 1 + random.int(28);
    const person: Person = {
      country,
      female,
      given: random.pickSkewed(female ? pool.female : pool.male),
      surname: '',
      father: random.pickSkewed(pool.male),
      year,
      month,
      day,
    };
    person.surname = female
      ? feminineSurname(country, random.pickSkewed(pool.surnames))
      : random.pickSkewed(pool.surnames);
    const base: SyntheticPerson = {
      id: nextId(),
      names: [nativeName(person, random)],
      birthDates: [formatBirthDate(person, random)],
      gender: female ? 'female' : 'male',
      nationalities: [country],
      phones: random.chance(0.7) ? [phone(country, random)] : [],
      personalIds: random.chance(0.6) ? [personalId(country, day, month, year, female, random)] : [],
      documents: random.chance(0.3)
        ? [`${LETTERS[random.int(LETTERS.length)]}${String(1_000_000 + random.int(9_000_000))}`]
        : [],
      plates: random.chance(0.2) ? [plate(country, random)] : [],
      country,
    };
    yield base;
    made++;
    if (made < options.count && random.chance(rate)) {
      const [name, variation] = variedName(person, random);
      const dob = random.next();
      const duplicate: SyntheticPerson = {
        ...base,
        id: nextId(),
        names: [name],
        birthDates: dob < 0.7 ? base.birthDates : dob < 0.8 ? [String(year)] : [],
        phones: random.chance(0.4) ? base.phones : random.chance(0.5) ? [phone(country, random)] : [],
        personalIds: random.chance(0.3) ? base.personalIds : [],
        documents: random.chance(0.3) ? base.documents : [],
        plates: random.chance(0.3) ? base.plates : [],
        nationalities: random.chance(0.8) ? base.nationalities : [],
      };
      onPlanted({ original: base.id, duplicate: duplicate.id, variation });
      yield duplicate;
      made++;
    }
  }
}

/** Generates a population in memory; for a million records prefer `streamPeople`. */
export function generatePeople(options: PeopleOptions): {
  records: SyntheticPerson[];
  planted: Array<[string, string]>;
  variations: PlantedDuplicate[];
} {
  const variations: PlantedDuplicate[] = [];
  const records = [...streamPeople(options, (p) => variations.push(p))];
  return { records, planted: variations.map((v) => [v.original, v.duplicate]), variations };
}
