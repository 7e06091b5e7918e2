import type { CaseType, HandlingCode, JurisdictionCode, UnitKind } from '@veza/shared';
import { DEMO_DOMAIN } from '../scenario/demo-accounts.ts';

/** Who a demo case belongs to: a named demo account, or the first officer of a kind of unit. */
export type DemoCaseOwner = { email: string } | { jurisdiction: JurisdictionCode; unitKind: UnitKind };

export interface DemoStatement {
  property: string;
  /**
   * A relationship end, or a reference to another entity (a Passport's holder, an Event's
   * participants, a Trip's places), names another entity of the case by its `key`, prefixed with `@`.
   */
  value: string;
  evaluation?: `${'A' | 'B' | 'C' | 'X'}${1 | 2 | 3 | 4}`;
  kind?: 'fact' | 'assessment';
}

export interface DemoEntity {
  key: string;
  schema: string;
  caption: string;
  statements: DemoStatement[];
  /** A relationship's source and target ends, by their keys: its caption names them. */
  ends?: { source: string; target: string };
}

/** One call-detail record between two Phone entities of the case, named by their keys. */
export interface DemoCall {
  caller: string;
  callee: string;
  /** ISO 8601, UTC. */
  startedAt: string;
  durationSeconds: number;
  cell: string;
}

/** Call records of a case, as if imported from one operator's file. */
export interface DemoCallRecords {
  fileName: string;
  calls: DemoCall[];
}

export interface DemoCase {
  title: string;
  type: CaseType;
  handlingCode: HandlingCode;
  legalBasis: string;
  owner: DemoCaseOwner;
  /** Demo accounts on the team besides the owner. */
  memberEmails: string[];
  source: string;
  entities: DemoEntity[];
  callRecords?: DemoCallRecords;
}

export const demo = (local: string) => `${local}@${DEMO_DOMAIN}`;

export const person = (key: string, caption: string, more: DemoStatement[] = []): DemoEntity => ({
  key,
  schema: 'Person',
  caption,
  statements: [{ property: 'name', value: caption, evaluation: 'B2' }, ...more],
});

/**
 * A relationship entity; `ends` names its source end first, then its target end (`{ person, phone }`).
 * Its caption is made by {@link nameLinks} once the case is whole.
 */
export const link = (
  key: string,
  schema: string,
  ends: Record<string, string>,
  more: DemoStatement[] = [],
): DemoEntity => {
  const [source = '', target = ''] = Object.values(ends);
  return {
    key,
    schema,
    caption: `${source} → ${target}`,
    ends: { source, target },
    statements: [
      ...Object.entries(ends).map(([property, value]) => ({ property, value: `@${value}` })),
      ...more,
    ],
  };
};

/**
 * Names each relationship of a case by what it links, "Gjergj Leka → +383 44 512 377", in no
 * language: the screens add the kind of link in the reader's, where a word stored here ("uses",
 * "përdor") would be read by analysts of every country.
 */
export function nameLinks(demoCase: DemoCase): DemoCase {
  const captions = new Map(demoCase.entities.map((e) => [e.key, e.caption]));
  const named = (key: string) => captions.get(key) ?? key;
  return {
    ...demoCase,
    entities: demoCase.entities.map((e) =>
      e.ends ? { ...e, caption: `${named(e.ends.source)} → ${named(e.ends.target)}` } : e,
    ),
  };
}

export const phone = (key: string, number: string): DemoEntity => ({
  key,
  schema: 'Phone',
  caption: number,
  statements: [{ property: 'number', value: number }],
});

/** An Address with its place on the map (WGS 84), so that a map of the case shows something. */
export const address = (
  key: string,
  full: string,
  place: { city: string; country: string; latitude: number; longitude: number },
): DemoEntity => ({
  key,
  schema: 'Address',
  caption: full,
  statements: [
    { property: 'full', value: full },
    { property: 'city', value: place.city },
    { property: 'country', value: place.country },
    { property: 'latitude', value: place.latitude.toFixed(4) },
    { property: 'longitude', value: place.longitude.toFixed(4) },
  ],
});

/** An Event (or a Trip) with its dates and the entities it involves, named by their keys. */
export const event = (
  key: string,
  schema: 'Event' | 'Trip',
  name: string,
  dates: { start: string; end?: string },
  refs: Record<string, string | string[]>,
  more: DemoStatement[] = [],
): DemoEntity => ({
  key,
  schema,
  caption: name,
  statements: [
    { property: 'name', value: name },
    { property: 'startDate', value: dates.start },
    ...(dates.end ? [{ property: 'endDate', value: dates.end }] : []),
    ...Object.entries(refs).flatMap(([property, keys]) =>
      (Array.isArray(keys) ? keys : [keys]).map((k) => ({ property, value: `@${k}` })),
    ),
    ...more,
  ],
});
