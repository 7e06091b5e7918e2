import type { JurisdictionCode, Locale } from '@veza/shared';
import type { NameCulture } from '../scenario/names.ts';

/** Where screenings happen, written as local officers write them. */
export const PLACES: Readonly<Record<JurisdictionCode, readonly { place: string; setting: string }[]>> = {
  RS: [
    { place: 'Прешево, гранични прелаз', setting: 'border_crossing' },
    { place: 'Суботица, гранични прелаз Келебија', setting: 'border_crossing' },
    { place: 'Београд, аутобуска станица', setting: 'street_patrol' },
    { place: 'Нови Сад, Булевар ослобођења', setting: 'raid' },
    { place: 'Ниш, полицијска управа', setting: 'police_station' },
  ],
  MK: [
    { place: 'Гевгелија, граничен премин Богородица', setting: 'border_crossing' },
    { place: 'Скопје, Бит пазар', setting: 'street_patrol' },
    { place: 'Куманово', setting: 'raid' },
    { place: 'Охрид, полициска станица', setting: 'police_station' },
  ],
  AL: [
    { place: 'Kakavijë, pika e kalimit kufitar', setting: 'border_crossing' },
    { place: 'Tiranë, Sheshi Skënderbej', setting: 'street_patrol' },
    { place: 'Durrës, porti', setting: 'border_crossing' },
    { place: 'Shkodër, komisariati', setting: 'police_station' },
  ],
  XK: [
    { place: 'Vërmicë, pika kufitare', setting: 'border_crossing' },
    { place: 'Prishtinë, stacioni i autobusëve', setting: 'street_patrol' },
    { place: 'Prizren', setting: 'raid' },
    { place: 'Pejë, stacioni policor', setting: 'police_station' },
  ],
  HR: [
    { place: 'Bajakovo, granični prijelaz', setting: 'border_crossing' },
    { place: 'Zagreb, Glavni kolodvor', setting: 'street_patrol' },
    { place: 'Split, Riva', setting: 'raid' },
    { place: 'Rijeka, policijska postaja', setting: 'police_station' },
  ],
  BA: [
    { place: 'Izačić, granični prelaz', setting: 'border_crossing' },
    { place: 'Sarajevo, Baščaršija', setting: 'street_patrol' },
    { place: 'Bihać', setting: 'raid' },
    { place: 'Sigurna kuća Mostar', setting: 'shelter' },
  ],
  ME: [
    { place: 'Božaj, granični prelaz', setting: 'border_crossing' },
    { place: 'Podgorica, autobuska stanica', setting: 'street_patrol' },
    { place: 'Budva', setting: 'raid' },
    { place: 'Bar, luka', setting: 'border_crossing' },
  ],
};

/** The guardian a centre for social work appoints for a child, and how the relation is written. */
export const GUARDIANS: Readonly<Record<JurisdictionCode, { name: string; relation: string }>> = {
  RS: { name: 'Центар за социјални рад Ниш', relation: 'старатељ' },
  MK: { name: 'Меѓуопштински центар за социјална работа Скопје', relation: 'старател' },
  AL: { name: 'Shërbimi Social Shtetëror, Tiranë', relation: 'kujdestar' },
  XK: { name: 'Qendra për Punë Sociale Prishtinë', relation: 'kujdestar' },
  HR: { name: 'Hrvatski zavod za socijalni rad, Split', relation: 'skrbnik' },
  BA: { name: 'JU Kantonalni centar za socijalni rad Sarajevo', relation: 'staratelj' },
  ME: { name: 'Centar za socijalni rad Podgorica', relation: 'staratelj' },
};

/** The names, interview language and documents' language of a person of each nationality. */
export interface Origin {
  culture: NameCulture | 'foreign';
  language: string;
  /** The UI language documents are printed in for the person (null: none of Veza's languages). */
  locale: Locale | null;
}

export const ORIGINS: Readonly<Record<string, Origin>> = {
  RS: { culture: 'sr', language: 'sr-Cyrl', locale: 'sr-Cyrl' },
  MK: { culture: 'mk', language: 'mk', locale: 'mk' },
  AL: { culture: 'sq', language: 'sq', locale: 'sq' },
  XK: { culture: 'sq', language: 'sq', locale: 'sq' },
  HR: { culture: 'hr', language: 'hr', locale: 'hr' },
  BA: { culture: 'bs', language: 'bs', locale: 'bs' },
  ME: { culture: 'cnr', language: 'cnr', locale: 'cnr' },
  UA: { culture: 'foreign', language: 'uk', locale: 'en' },
  NG: { culture: 'foreign', language: 'en', locale: 'en' },
  BD: { culture: 'foreign', language: 'bn', locale: 'en' },
  TR: { culture: 'foreign', language: 'tr', locale: 'en' },
};

/** Names of people from outside the region, as their passports print them. */
export const FOREIGN_NAMES: Readonly<
  Record<string, { female: readonly string[]; male: readonly string[]; surnames: readonly string[] }>
> = {
  UA: {
    female: ['Olena', 'Iryna', 'Kateryna'],
    male: ['Andrii', 'Oleksandr'],
    surnames: ['Kovalenko', 'Shevchenko', 'Bondarenko'],
  },
  NG: {
    female: ['Blessing', 'Joy', 'Precious'],
    male: ['Emeka', 'Chinedu'],
    surnames: ['Okafor', 'Eze', 'Adeyemi'],
  },
  BD: {
    female: ['Nasrin', 'Shirin'],
    male: ['Rahim', 'Karim', 'Sohel'],
    surnames: ['Uddin', 'Hossain', 'Rahman'],
  },
  TR: { female: ['Ayşe', 'Elif'], male: ['Mehmet', 'Emre'], surnames: ['Yılmaz', 'Kaya', 'Demir'] },
};

/** Nationalities met in each jurisdiction: mostly its own, then neighbours and migrants in transit. */
export const NATIONALITY_MIX: Readonly<Record<JurisdictionCode, readonly [string, number][]>> = {
  RS: [
    ['RS', 60],
    ['XK', 8],
    ['AL', 6],
    ['BA', 6],
    ['UA', 6],
    ['BD', 6],
    ['TR', 8],
  ],
  MK: [
    ['MK', 60],
    ['AL', 12],
    ['XK', 6],
    ['RS', 6],
    ['NG', 8],
    ['BD', 8],
  ],
  AL: [
    ['AL', 70],
    ['XK', 10],
    ['MK', 6],
    ['UA', 6],
    ['TR', 8],
  ],
  XK: [
    ['XK', 65],
    ['AL', 15],
    ['RS', 8],
    ['MK', 6],
    ['NG', 6],
  ],
  HR: [
    ['HR', 50],
    ['BA', 15],
    ['RS', 8],
    ['UA', 12],
    ['BD', 8],
    ['NG', 7],
  ],
  BA: [
    ['BA', 65],
    ['RS', 10],
    ['HR', 6],
    ['ME', 5],
    ['BD', 8],
    ['TR', 6],
  ],
  ME: [
    ['ME', 55],
    ['RS', 12],
    ['BA', 8],
    ['AL', 8],
    ['UA', 10],
    ['TR', 7],
  ],
};
