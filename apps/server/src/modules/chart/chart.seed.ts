import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { seededRandom } from '@veza/graph';
import { demoCaseByTitle } from '../cases/index.ts';
import { insertEntities, insertStatements, listEntities, statementRow } from '../entities/index.ts';
import { insertDemoCallRows } from '../exchange/index.ts';

/** The demo case the chart is shown on: the Belgrade drugs investigation of the courier. */
export const CHART_DEMO_CASE = 'Operacija Sever';
const SOURCE = 'Службена белешка ПУ Београд 14/26';

type Grade = `${'A' | 'B' | 'C' | 'X'}${1 | 2 | 3 | 4}`;
interface Seeded {
  key: string;
  schema: string;
  caption: string;
  /** [property, value, grade]; a value `@key` names another entity. */
  says: [string, string, Grade?][];
}

const person = (key: string, caption: string, grade: Grade = 'B2'): Seeded => ({
  key,
  schema: 'Person',
  caption,
  says: [['name', caption, grade]],
});
const phone = (key: string, number: string): Seeded => ({
  key,
  schema: 'Phone',
  caption: number,
  says: [['number', number.replace(/\s/g, '')]],
});
const address = (key: string, caption: string, lat: number, lon: number): Seeded => ({
  key,
  schema: 'Address',
  caption,
  says: [
    ['full', caption],
    ['latitude', String(lat)],
    ['longitude', String(lon)],
  ],
});
/** A relationship, captioned by its ends as the demo's are ("A → B"): no word in one language. */
const link = (
  key: string,
  schema: string,
  ends: [string, string][],
  more: [string, string][] = [],
): Seeded => ({
  key,
  schema,
  caption: ends.map(([, v]) => `@${v}`).join(' → '),
  says: [...ends.map(([p, v]): [string, string] => [p, `@${v}`]), ...more],
});

/**
 * Two groups around the courier: his Kosovo supplier, the transport firm and its owner on one side,
 * the buyer's circle in Novi Sad on the other, joined by the courier and the buyer. The shortest
 * path from the supplier to Јована Петровић runs through both; Louvain finds the two groups.
 */
const ENTITIES: readonly Seeded[] = [
  person('arben', 'Arben Krasniqi', 'C2'),
  person('milan', 'Милан Стојановић'),
  person('jovana', 'Јована Петровић', 'A2'),
  person('stefan', 'Стефан Николић'),
  person('dragana', 'Драгана Илић', 'B3'),
  phone('phoneArben', '+383 44 123 456'),
  phone('phoneMilan', '+381 60 222 3333'),
  phone('phoneJovana', '+381 63 555 0101'),
  phone('phoneStefan', '+381 65 777 8888'),
  phone('phoneMarko', '+381 62 444 5555'),
  {
    key: 'firm',
    schema: 'Company',
    caption: 'Транспорт Север д.о.о.',
    says: [['name', 'Транспорт Север д.о.о.']],
  },
  address('flatNoviSad', 'Булевар ослобођења 46, Нови Сад', 45.2461, 19.8424),
  address('flatNis', 'Вождова 12, Ниш', 43.3195, 21.8958),
  address('depotSubotica', 'Корзо 8, Суботица', 46.1005, 19.6651),
  address('flatPristina', 'Rr. Nëna Terezë 20, Prishtinë', 42.6589, 21.161),
  address('flatBelgrade', 'Булевар краља Александра 73, Београд', 44.8059, 20.4781),
  link('arbenPhone', 'UsesPhone', [
    ['person', 'arben'],
    ['phone', 'phoneArben'],
  ]),
  link('milanPhone', 'UsesPhone', [
    ['person', 'milan'],
    ['phone', 'phoneMilan'],
  ]),
  link('jovanaPhone', 'UsesPhone', [
    ['person', 'jovana'],
    ['phone', 'phoneJovana'],
  ]),
  link('stefanPhone', 'UsesPhone', [
    ['person', 'stefan'],
    ['phone', 'phoneStefan'],
  ]),
  link('markoPhone', 'UsesPhone', [
    ['person', 'buyer'],
    ['phone', 'phoneMarko'],
  ]),
  link(
    'supplies',
    'SuppliedDrugsTo',
    [
      ['supplier', 'arben'],
      ['recipient', 'courier'],
    ],
    [['startDate', '2026-01']],
  ),
  link('owns', 'Ownership', [
    ['owner', 'milan'],
    ['asset', 'firm'],
  ]),
  link('employs', 'Employment', [
    ['employee', 'courier'],
    ['employer', 'firm'],
  ]),
  link('firmCar', 'Ownership', [
    ['owner', 'firm'],
    ['asset', 'car'],
  ]),
  link('arbenMilan', 'Associate', [
    ['person', 'arben'],
    ['associate', 'milan'],
  ]),
  link('markoJovana', 'Associate', [
    ['person', 'buyer'],
    ['associate', 'jovana'],
  ]),
  link('jovanaStefan', 'Family', [
    ['person', 'jovana'],
    ['relative', 'stefan'],
  ]),
  link('stefanDragana', 'Associate', [
    ['person', 'stefan'],
    ['associate', 'dragana'],
  ]),
  link('draganaMarko', 'Associate', [
    ['person', 'dragana'],
    ['associate', 'buyer'],
  ]),
  link('jovanaLives', 'LivesAt', [
    ['person', 'jovana'],
    ['address', 'flatNoviSad'],
  ]),
  link('markoLives', 'LivesAt', [
    ['person', 'buyer'],
    ['address', 'flatNoviSad'],
  ]),
  link('courierLives', 'LivesAt', [
    ['person', 'courier'],
    ['address', 'flatNis'],
  ]),
  link('arbenLives', 'LivesAt', [
    ['person', 'arben'],
    ['address', 'flatPristina'],
  ]),
  link('milanLives', 'LivesAt', [
    ['person', 'milan'],
    ['address', 'flatBelgrade'],
  ]),
  {
    key: 'meeting',
    schema: 'Event',
    caption: 'Састанак у Нишу',
    says: [
      ['date', '2026-02-14'],
      ['involved', '@arben'],
      ['involved', '@courier'],
    ],
  },
  {
    key: 'handover',
    schema: 'Event',
    caption: 'Предаја пошиљке, Суботица',
    says: [
      ['date', '2026-03-03'],
      ['involved', '@courier'],
      ['involved', '@buyer'],
    ],
  },
  {
    key: 'trip',
    schema: 'Trip',
    caption: 'Пут Ниш – Суботица',
    says: [
      ['startDate', '2026-03-02'],
      ['endDate', '2026-03-03'],
      ['vehicle', '@car'],
    ],
  },
];

/** Entities of the demo case the chart's network joins, by their captions there. */
const KNOWN = [
  ['courier', 'Ђорђе Ђорђевић'],
  ['buyer', 'Marko Petrović'],
  ['phone', '+381 64 123 4567'],
  ['car', 'VW Golf BG-123-AB'],
] as const;

/** Who calls whom, how many times from February to March 2026, and in which hours. */
const CALLING: readonly { from: string; to: string; calls: number; hours: [number, number] }[] = [
  { from: 'phone', to: 'phoneArben', calls: 34, hours: [20, 23] },
  { from: 'phoneArben', to: 'phone', calls: 21, hours: [21, 23] },
  { from: 'phone', to: 'phoneMilan', calls: 18, hours: [7, 10] },
  { from: 'phone', to: 'phoneMarko', calls: 9, hours: [12, 16] },
  { from: 'phoneMarko', to: 'phoneJovana', calls: 26, hours: [17, 22] },
  { from: 'phoneJovana', to: 'phoneStefan', calls: 14, hours: [9, 19] },
  { from: 'phoneMilan', to: 'phoneArben', calls: 6, hours: [10, 12] },
];

/**
 * Adds a network to the demo case so its link chart, timeline and map have something to show:
 * entities with graded statements, addresses with coordinates, events and a trip, and call records.
 * Deterministic: the same calls every time.
 */
export async function seedDemoChart(q: Queryable): Promise<{ entities: number; calls: number }> {
  const found = await demoCaseByTitle(q, CHART_DEMO_CASE);
  if (!found) return { entities: 0, calls: 0 };
  const existing = await listEntities(q, [found.id]);
  const ids = new Map<string, string>();
  const byCaption = new Map(existing.map((e) => [e.caption, e.id]));
  for (const [key, caption] of KNOWN) {
    const id = byCaption.get(caption);
    if (!id) return { entities: 0, calls: 0 };
    ids.set(key, id);
  }
  for (const e of ENTITIES) ids.set(e.key, uuidv7());
  const captionOf = new Map([
    ...ENTITIES.map((e) => [e.key, e.caption] as const),
    ...KNOWN.map(([key, caption]) => [key, caption] as const),
  ]);
  const at = new Date(Date.UTC(2026, 2, 10, 8));
  await insertEntities(
    q,
    ENTITIES.map((e) => ({
      id: ids.get(e.key)!,
      caseId: found.id,
      schema: e.schema,
      caption: e.caption.replace(/@(\w+)/g, (_, key: string) => captionOf.get(key) ?? key),
      createdBy: found.createdBy,
    })),
  );
  await insertStatements(
    q,
    ENTITIES.flatMap((e) =>
      e.says.map(([property, value, grade = 'B2']) =>
        statementRow(
          ids.get(e.key)!,
          {
            property,
            value: value.startsWith('@') ? ids.get(value.slice(1))! : value,
            source: SOURCE,
            evaluationSource: grade[0] as 'A' | 'B' | 'C' | 'X',
            evaluationInfo: Number(grade[1]) as 1 | 2 | 3 | 4,
            handlingCode: found.handlingCode as 'H0' | 'H1' | 'H2' | 'H3',
            kind: 'fact',
          },
          found.createdBy,
          at,
        ),
      ),
    ),
  );
  const random = seededRandom(2026);
  const importId = uuidv7();
  const rows = CALLING.flatMap(({ from, to, calls, hours: [early, late] }) =>
    Array.from({ length: calls }, () => {
      const day = Math.floor(random() * 45);
      const hour = early + Math.floor(random() * (late - early + 1));
      const minute = Math.floor(random() * 60);
      return {
        id: uuidv7(),
        caseId: found.id,
        importId,
        callerEntityId: ids.get(from)!,
        calleeEntityId: ids.get(to)!,
        startedAt: new Date(Date.UTC(2026, 1, 1 + day, hour, minute)),
        durationSeconds: 20 + Math.floor(random() * 400),
        cell: null,
      };
    }),
  );
  await insertDemoCallRows(q, rows);
  return { entities: ENTITIES.length, calls: rows.length };
}
