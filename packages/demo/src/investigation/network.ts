import { callRecords } from './calls.ts';
import {
  address,
  demo,
  event,
  link,
  person,
  phone,
  type DemoCallRecords,
  type DemoCase,
  type DemoEntity,
} from './model.ts';

/**
 * The network the demo tells about: recruiters in Kosovo* promise girls work as waitresses, a driver
 * takes them through North Macedonia over the Tabanovce crossing, and they are exploited in a club
 * in Novi Sad, Serbia, kept quiet with drugs the same group sells in Belgrade. Each country holds a
 * piece in its own case, in its own script:
 *
 * - the recruiter is Gjergj Leka in Prizren, ЛЕКА ГЈЕРГЈ/LEKA GJERGJ on a Macedonian border record
 *   and Ђерђ Лека in a Serbian statement; the girls are Valbona Qerimi and Blerta Zeqiri, written
 *   Валбона Ќерими / Блерта Зеќири in Macedonian and Валбона Ћерими / Блерта Зећири in Serbian;
 * - the Serbian trafficking case ("Операција Бисер", trafficking unit) and the Serbian drugs case
 *   ("Operacija Sever", drugs unit) share a phone (+381 64 123 4567 written 064/123-45-67) and a car
 *   (BG-123-AB written BG 123 AB): different units, so nobody sees both, and linkage must find it;
 * - call records tie the Kosovo recruiter's phone to the Serbian phone, and the Serbian phone to the
 *   drugs buyer's phone.
 *
 * All people are invented. Places are real towns, with their coordinates for the map.
 */

const PLACES = {
  prizren: { city: 'Prizren', country: 'xk', latitude: 42.2094, longitude: 20.7405 },
  ferizaj: { city: 'Ferizaj', country: 'xk', latitude: 42.3702, longitude: 21.1483 },
  skopje: { city: 'Скопје', country: 'mk', latitude: 41.9903, longitude: 21.4464 },
  tabanovce: { city: 'Табановце', country: 'mk', latitude: 42.2178, longitude: 21.7003 },
  noviSadClub: { city: 'Нови Сад', country: 'rs', latitude: 45.253, longitude: 19.837 },
  noviSadFlat: { city: 'Нови Сад', country: 'rs', latitude: 45.2405, longitude: 19.848 },
  belgrade: { city: 'Beograd', country: 'rs', latitude: 44.8158, longitude: 20.4365 },
  bar: { city: 'Bar', country: 'me', latitude: 42.0937, longitude: 19.0876 },
};

/** Kosovo*: the recruitment, a trafficking case of the Kosovo police's trafficking directorate. */
export const RECRUITMENT_CASE: DemoCase = {
  title: 'Ofertat e punës',
  type: 'trafficking',
  handlingCode: 'H1',
  legalBasis: 'KPPK neni 69; urdhër i prokurorit PP.I.nr. 41/26',
  owner: { jurisdiction: 'XK', unitKind: 'trafficking' },
  memberEmails: [],
  source: 'Raport zyrtar DHTN Prizren 7/26',
  entities: [
    person('recruiter', 'Gjergj Leka', [
      { property: 'birthDate', value: '1984-09-03', evaluation: 'A2' },
      { property: 'nationality', value: 'xk' },
      { property: 'alias', value: 'Gjergji', evaluation: 'B3' },
    ]),
    person('helper', 'Fatmir Rexhepi', [{ property: 'birthDate', value: '1991', evaluation: 'B3' }]),
    person('valbona', 'Valbona Qerimi', [
      { property: 'birthDate', value: '2006-05-19', evaluation: 'A1' },
      { property: 'nationality', value: 'xk' },
    ]),
    person('blerta', 'Blerta Zeqiri', [
      { property: 'birthDate', value: '2009-11-02', evaluation: 'A1' },
      { property: 'nationality', value: 'xk' },
    ]),
    phone('recruiter-phone', '+383 44 512 377'),
    phone('valbona-phone', '+383 49 220 981'),
    phone('blerta-phone', '+383 45 318 604'),
    phone('serbian-phone', '+381641234567'),
    // The drug supplier's number in "Operacija Sever" (its chart network): the same group.
    phone('supplier-phone', '+383 44 123 456'),
    link('recruiter-uses', 'UsesPhone', { person: 'recruiter', phone: 'recruiter-phone' }),
    link('valbona-uses', 'UsesPhone', { person: 'valbona', phone: 'valbona-phone' }),
    link('blerta-uses', 'UsesPhone', { person: 'blerta', phone: 'blerta-phone' }),
    link('recruited-valbona', 'Recruited', { recruiter: 'recruiter', recruited: 'valbona' }, [
      { property: 'startDate', value: '2026-01-14' },
    ]),
    link('recruited-blerta', 'Recruited', { recruiter: 'helper', recruited: 'blerta' }, [
      { property: 'startDate', value: '2026-01-21' },
    ]),
    link('associates', 'Associate', { person: 'recruiter', associate: 'helper' }),
    address('cafe', 'Kafe te Shadërvani, Prizren', PLACES.prizren),
    address('ferizaj', 'Stacioni i autobusëve, Ferizaj', PLACES.ferizaj),
    event(
      'interview',
      'Event',
      'Intervistë pune për kamariere në Serbi',
      { start: '2026-01-14' },
      { organizer: 'recruiter', involved: ['valbona'], addressEntity: 'cafe' },
      [{ property: 'summary', value: 'Ofertë: 800 € në muaj, banesë e paguar, udhëtim falas.' }],
    ),
    event(
      'meeting',
      'Event',
      'Takim te stacioni i autobusëve',
      { start: '2026-01-21' },
      { organizer: 'helper', involved: ['blerta'], addressEntity: 'ferizaj' },
    ),
  ],
  callRecords: {
    fileName: 'CDR_38344512377_2026-01-01_2026-03-10.csv',
    calls: callRecords(4101, [
      {
        a: 'recruiter-phone',
        b: 'valbona-phone',
        count: 38,
        from: '2026-01-05',
        to: '2026-02-07',
        cells: ['PZ-Shadërvan-2', 'PZ-Bazhdarhane-1'],
      },
      {
        a: 'recruiter-phone',
        b: 'blerta-phone',
        count: 22,
        from: '2026-01-12',
        to: '2026-02-07',
        cells: ['FR-Qendra-1', 'PZ-Shadërvan-2'],
      },
      {
        a: 'recruiter-phone',
        b: 'serbian-phone',
        count: 34,
        from: '2026-01-10',
        to: '2026-03-05',
        fromA: 0.4,
        cells: ['PZ-Shadërvan-2', 'PZ-Bazhdarhane-1', 'FR-Qendra-1'],
      },
      {
        a: 'recruiter-phone',
        b: 'supplier-phone',
        count: 16,
        from: '2026-01-08',
        to: '2026-03-01',
        cells: ['PZ-Shadërvan-2', 'PR-Qendra-4'],
      },
    ]),
  },
};

/** Serbia: the exploitation, a trafficking case of the criminal police's trafficking unit. */
export const EXPLOITATION_CASE: DemoCase = {
  title: 'Операција Бисер',
  type: 'trafficking',
  handlingCode: 'H0',
  legalBasis: 'ЗКП чл. 286; налог ТОК КТО 131/26',
  owner: { email: demo('officer.rs') },
  memberEmails: [],
  source: 'Службена белешка ПУ Нови Сад 22/26',
  entities: [
    person('exploiter', 'Зоран Милић', [
      { property: 'birthDate', value: '1978-02-27', evaluation: 'A1' },
      { property: 'nationality', value: 'rs' },
    ]),
    person('recruiter', 'Ђерђ Лека', [
      { property: 'birthDate', value: '1984-09-03', evaluation: 'C3' },
      { property: 'nationality', value: 'xk', kind: 'assessment' },
    ]),
    person('valbona', 'Валбона Ћерими', [{ property: 'birthDate', value: '2006-05-19', evaluation: 'B2' }]),
    person('blerta', 'Блерта Зећири', [
      { property: 'birthDate', value: '2009', evaluation: 'C3', kind: 'assessment' },
    ]),
    phone('exploiter-phone', '064/123-45-67'),
    phone('kosovo-phone', '+38344512377'),
    phone('buyer-phone', '063 7771020'),
    {
      key: 'car',
      schema: 'Vehicle',
      caption: 'VW Golf BG 123 AB',
      statements: [
        { property: 'registrationNumber', value: 'BG 123 AB' },
        { property: 'model', value: 'VW Golf' },
      ],
    },
    link('exploiter-uses', 'UsesPhone', { person: 'exploiter', phone: 'exploiter-phone' }),
    link('exploiter-drives', 'Drives', { driver: 'exploiter', vehicle: 'car' }),
    link('exploited-valbona', 'Exploited', { exploiter: 'exploiter', exploited: 'valbona' }, [
      { property: 'startDate', value: '2026-02-09' },
      { property: 'endDate', value: '2026-03-06' },
    ]),
    link('exploited-blerta', 'Exploited', { exploiter: 'exploiter', exploited: 'blerta' }, [
      { property: 'startDate', value: '2026-02-09' },
      { property: 'endDate', value: '2026-03-06' },
    ]),
    link('drugs-valbona', 'SuppliedDrugsTo', { supplier: 'exploiter', recipient: 'valbona' }),
    link('drugs-blerta', 'SuppliedDrugsTo', { supplier: 'exploiter', recipient: 'blerta' }),
    link('recruited-valbona', 'Recruited', { recruiter: 'recruiter', recruited: 'valbona' }),
    link('controls', 'Controls', { controller: 'exploiter', controlled: 'recruiter' }, [
      { property: 'summary', value: 'Према изјави сведока, Лека ради за Милића.', kind: 'assessment' },
    ]),
    address('club', 'Клуб „Бисер“, Булевар ослобођења, Нови Сад', PLACES.noviSadClub),
    address('flat', 'Стан, Лиманска, Нови Сад', PLACES.noviSadFlat),
    link('valbona-lives', 'LivesAt', { person: 'valbona', address: 'flat' }),
    link('blerta-lives', 'LivesAt', { person: 'blerta', address: 'flat' }),
    event(
      'raid',
      'Event',
      'Претрес клуба „Бисер“',
      { start: '2026-03-06', end: '2026-03-07' },
      { involved: ['exploiter', 'valbona', 'blerta'], addressEntity: 'club' },
      [{ property: 'summary', value: 'Пронађено 12 г хероина и пасоши две девојке у сефу.' }],
    ),
  ],
  callRecords: {
    fileName: 'CDR_381641234567_2026-01-01_2026-03-07.csv',
    calls: callRecords(4102, [
      {
        a: 'exploiter-phone',
        b: 'kosovo-phone',
        count: 41,
        from: '2026-01-10',
        to: '2026-03-05',
        cells: ['NS-Liman-2', 'NS-Centar-1', 'BG-Ušće-3'],
      },
      {
        a: 'exploiter-phone',
        b: 'buyer-phone',
        count: 29,
        from: '2026-01-20',
        to: '2026-03-06',
        cells: ['BG-Ušće-3', 'NS-Centar-1'],
      },
    ]),
  },
};

/** North Macedonia: the transport, added to the border case "Табановце". */
export const TRANSPORT_ENTITIES: readonly DemoEntity[] = [
  person('recruiter', 'LEKA GJERGJ', [
    { property: 'birthDate', value: '1984-09-03', evaluation: 'A1' },
    { property: 'nationality', value: 'xk' },
  ]),
  person('valbona', 'Валбона Ќерими', [{ property: 'birthDate', value: '2006-05-19', evaluation: 'A1' }]),
  person('blerta', 'Блерта Зеќири', [{ property: 'birthDate', value: '2009-11-02', evaluation: 'A1' }]),
  {
    key: 'passport',
    schema: 'Passport',
    caption: 'P01458812',
    statements: [
      { property: 'number', value: 'P01458812', evaluation: 'A1' },
      { property: 'country', value: 'xk' },
      { property: 'holder', value: '@recruiter' },
    ],
  },
  address('bus-station', 'Автобуска станица Скопје', PLACES.skopje),
  address('crossing', 'ГП Табановце', PLACES.tabanovce),
  event(
    'trip',
    'Trip',
    'Скопје – ГП Табановце',
    { start: '2026-02-07' },
    {
      startLocation: 'bus-station',
      endLocation: 'crossing',
      vehicle: 'car',
      organizer: 'recruiter',
      involved: ['driver', 'valbona', 'blerta'],
    },
  ),
  link('transported-valbona', 'Transported', {
    transporter: 'driver',
    transported: 'valbona',
  }),
  link('transported-blerta', 'Transported', {
    transporter: 'driver',
    transported: 'blerta',
  }),
];

/** Serbia, drugs unit: the hand-over and the buyer's phone, added to "Operacija Sever". */
export const DRUGS_ENTITIES: readonly DemoEntity[] = [
  phone('buyer-phone', '+381 63 777 1020'),
  link('buyer-uses', 'UsesPhone', { person: 'buyer', phone: 'buyer-phone' }),
  address('handover-place', 'Parking, Ušće, Beograd', PLACES.belgrade),
  event(
    'handover',
    'Event',
    'Primopredaja 200 g heroina',
    { start: '2026-02-20' },
    { involved: ['courier', 'buyer'], addressEntity: 'handover-place' },
  ),
];

export const DRUGS_CALL_RECORDS: DemoCallRecords = {
  fileName: 'CDR_381641234567_2026-01-15_2026-03-01.csv',
  calls: callRecords(4103, [
    {
      a: 'phone',
      b: 'buyer-phone',
      count: 36,
      from: '2026-01-15',
      to: '2026-03-01',
      cells: ['BG-Ušće-3', 'BG-Zemun-1', 'NS-Centar-1'],
    },
  ]),
};

/** Montenegro: the port where the first recruiter worked, on the map. */
export const PORT_ENTITIES: readonly DemoEntity[] = [
  address('port', 'Luka Bar, Obala 13. jula', PLACES.bar),
  event(
    'port-meeting',
    'Event',
    'Susret u luci',
    { start: '2026-01-30' },
    { involved: ['recruiter', 'victim'], addressEntity: 'port' },
  ),
];
