import { JURISDICTIONS } from '@veza/shared';
import type { JurisdictionCode } from '@veza/shared';
import type { DemoProvider } from '../referral/providers.ts';
import type { DemoScenario, DemoUser } from '../scenario/generate.ts';
import { NAME_POOLS } from '../scenario/names.ts';
import { createRandom } from '../scenario/random.ts';
import type { Random } from '../scenario/random.ts';
import { FOREIGN_NAMES, GUARDIANS, NATIONALITY_MIX, ORIGINS, PLACES } from './places.ts';

/** What the generator needs to know of an indicator to answer it plausibly. */
export interface VictimIndicator {
  id: string;
  element: string;
  exploitationTypes: readonly string[];
  appliesTo: string;
  tags: readonly string[];
}

export interface VictimInstruments {
  rapid: { id: string; indicators: readonly VictimIndicator[] };
  full: { id: string; indicators: readonly VictimIndicator[] };
}

export interface DemoIdentity {
  givenName: string;
  familyName: string;
  birthDate: string;
  guardian?: { name: string; relation: string };
}

export interface DemoVictim {
  id: string;
  reference: string;
  jurisdiction: JurisdictionCode;
  unitId: string;
  createdBy: string;
  createdAt: Date;
  category: 'presumed_victim';
  categoryKind: 'assessment';
  sex: 'female' | 'male' | 'other' | 'unknown';
  ageGroup: 'child' | 'adult' | 'unknown';
  nationality: string;
  preferredLanguage: string | null;
  identity: DemoIdentity;
  guardianAppointed: boolean;
}

export interface DemoScreening {
  id: string;
  clientId: string;
  reference: string;
  personId: string | null;
  parentId: string | null;
  instrumentId: string;
  stage: 'rapid' | 'full';
  jurisdiction: JurisdictionCode;
  unitId: string;
  screenedBy: string;
  occurredAt: Date;
  setting: string;
  place: string;
  interviewLanguage: string;
  interpreterLanguage: string | null;
  age: number | null;
  ageInDoubt: boolean;
  answers: Record<string, 'yes' | 'no' | 'unknown'>;
  /** Drug-linked case: drug indicators answered yes (forced criminality, control by drugs). */
  drugLinked: boolean;
  /** The exploitation the answers were drawn for (the engine decides what they show). */
  profile: string;
}

export interface DemoConsent {
  id: string;
  personId: string;
  purpose: 'referral' | 'transnational_referral';
  recipient: string;
  scope: string[];
  givenBy: 'person' | 'guardian';
  recordedBy: string;
  recordedAt: Date;
}

export interface DemoReferralEvent {
  id: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actorId: string;
  at: Date;
}

export interface DemoReferral {
  id: string;
  reference: string;
  personId: string;
  screeningId: string;
  kind: 'national' | 'transnational';
  service: string;
  providerId: string | null;
  toJurisdiction: JurisdictionCode | null;
  procedure: string | null;
  fromJurisdiction: JurisdictionCode;
  fromUnitId: string;
  status: 'proposed' | 'sent' | 'accepted' | 'declined' | 'in_service' | 'closed';
  declineReason: string | null;
  closeReason: string | null;
  urgent: boolean;
  sharedScope: string[];
  reflectionStartsAt: Date;
  reflectionEndsAt: Date;
  acknowledgeBy: Date | null;
  acknowledgedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  events: DemoReferralEvent[];
}

export interface DemoVictimScenario {
  persons: DemoVictim[];
  screenings: DemoScreening[];
  consents: DemoConsent[];
  referrals: DemoReferral[];
}

export interface VictimScenarioOptions {
  scenario: Pick<DemoScenario, 'agencies' | 'units' | 'users'>;
  providers: readonly DemoProvider[];
  instruments: VictimInstruments;
  /** The end of the 18 months the screenings spread over. */
  now: Date;
  seed?: number;
  /** Screenings in all (about); a few hundred by default. */
  screenings?: number;
}

const DAY = 86_400_000;
const SCREENING_UNIT_KINDS = ['trafficking', 'border', 'public_order', 'drugs'];
const SHARE: Readonly<Record<JurisdictionCode, number>> = {
  RS: 22,
  BA: 14,
  AL: 16,
  MK: 15,
  XK: 12,
  HR: 10,
  ME: 11,
};
const PROFILES: readonly [string, number][] = [
  ['sexual', 34],
  ['labour', 24],
  ['forced_criminality', 20],
  ['begging', 10],
  ['domestic_servitude', 6],
  ['forced_marriage', 6],
];
const STATUSES: readonly [DemoReferral['status'], number][] = [
  ['proposed', 10],
  ['sent', 15],
  ['accepted', 15],
  ['declined', 10],
  ['in_service', 25],
  ['closed', 25],
];
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(random.int(pool.length), 1)[0]!);
  return out;
}

function code(random: Random): string {
  let text = '';
  for (let i = 0; i < 6; i++) text += REFERENCE_ALPHABET[random.int(REFERENCE_ALPHABET.length)];
  return text;
}

/**
 * Victim identification across the region: a few hundred screenings over 18 months in all seven
 * jurisdictions, persons with names in their own script, drug-linked cases, children with guardians,
 * national referrals in every status and one transnational referral in progress (North Macedonia to
 * Albania). Deterministic: the same seed and `now` give the same data.
 */
export function generateVictimScenario(options: VictimScenarioOptions): DemoVictimScenario {
  const random = createRandom(options.seed ?? 20_260_404);
  const { scenario, now } = options;
  const start = now.getTime() - 548 * DAY;
  const agencyJurisdiction = new Map(scenario.agencies.map((a) => [a.id, a.jurisdiction]));
  const unitsByJurisdiction = new Map<
    JurisdictionCode,
    { unitId: string; officers: DemoUser[]; weight: number }[]
  >();
  for (const unit of scenario.units) {
    const jurisdiction = agencyJurisdiction.get(unit.agencyId);
    if (!jurisdiction || !SCREENING_UNIT_KINDS.includes(unit.kind)) continue;
    const officers = scenario.users.filter(
      (u) => u.unitId === unit.id && (u.roles.includes('officer') || u.roles.includes('supervisor')),
    );
    if (officers.length === 0) continue;
    // The demo accounts' units screen most, so that signing in as them shows their work.
    const weight = officers.some((o) => o.isDemoAccount) ? 6 : 1;
    const list = unitsByJurisdiction.get(jurisdiction) ?? [];
    list.push({ unitId: unit.id, officers, weight });
    unitsByJurisdiction.set(jurisdiction, list);
  }
  const coordinators = new Map<JurisdictionCode, DemoUser>();
  for (const user of scenario.users) {
    if (!user.roles.includes('national_coordinator')) continue;
    const unit = scenario.units.find((u) => u.id === user.unitId);
    const jurisdiction = unit ? agencyJurisdiction.get(unit.agencyId) : null;
    if (jurisdiction && !coordinators.has(jurisdiction)) coordinators.set(jurisdiction, user);
  }

  const result: DemoVictimScenario = { persons: [], screenings: [], consents: [], referrals: [] };
  const counters = new Map<JurisdictionCode, number>();
  const nextScreeningReference = (j: JurisdictionCode) => {
    const n = (counters.get(j) ?? 0) + 1;
    counters.set(j, n);
    return `S-${j}-${String(n).padStart(6, '0')}`;
  };
  const totalShare = Object.values(SHARE).reduce((s, v) => s + v, 0);
  const target = options.screenings ?? 700;

  for (const jurisdiction of JURISDICTIONS) {
    const units = unitsByJurisdiction.get(jurisdiction) ?? [];
    if (units.length === 0) continue;
    const count = Math.round((target * SHARE[jurisdiction]) / totalShare);
    let made = 0;
    while (made < count) {
      const unit = weighted(
        random,
        units.map((u) => [u, u.weight] as const),
      );
      const officer = random.pick(unit.officers);
      const occurredAt = new Date(start + random.int(548) * DAY + random.int(20 * 60) * 60_000);
      const spot = random.pick(PLACES[jurisdiction]);
      const nationality = weighted(random, NATIONALITY_MIX[jurisdiction]);
      const origin = ORIGINS[nationality]!;
      const profile = weighted(random, PROFILES);
      const drugLinked = profile === 'forced_criminality' || random.next() < 0.12;
      const child = random.next() < 0.26;
      const age = child ? 13 + random.int(5) : 18 + random.int(30);
      const ageInDoubt = child ? random.next() < 0.3 : random.next() < 0.05;
      const strength = random.next();
      const interviewLanguage = origin.language;
      const interpreterLanguage = origin.locale === officer.language ? null : officer.language;
      const anonymous = random.next() < 0.12;

      const rapidAnswers = answerRapid(random, options.instruments.rapid.indicators, profile, strength);
      const common = {
        jurisdiction,
        unitId: unit.unitId,
        screenedBy: officer.id,
        setting: spot.setting,
        place: spot.place,
        interviewLanguage,
        interpreterLanguage,
        age: anonymous && random.next() < 0.5 ? null : age,
        ageInDoubt,
        drugLinked,
        profile,
      };
      if (anonymous) {
        // A rapid screen at a border or on patrol that led nowhere: no person was recorded.
        result.screenings.push({
          id: random.uuid(),
          clientId: random.uuid(),
          reference: nextScreeningReference(jurisdiction),
          personId: null,
          parentId: null,
          instrumentId: options.instruments.rapid.id,
          stage: 'rapid',
          occurredAt,
          answers: rapidAnswers,
          ...common,
        });
        made += 1;
        continue;
      }

      const person = makePerson(random, {
        jurisdiction,
        unitId: unit.unitId,
        officer,
        occurredAt,
        nationality,
        child,
        age,
      });
      result.persons.push(person);
      let parentId: string | null = null;
      if (random.next() < 0.35) {
        parentId = random.uuid();
        result.screenings.push({
          id: parentId,
          clientId: random.uuid(),
          reference: nextScreeningReference(jurisdiction),
          personId: person.id,
          parentId: null,
          instrumentId: options.instruments.rapid.id,
          stage: 'rapid',
          occurredAt: new Date(occurredAt.getTime() - 2 * 3_600_000),
          answers: rapidAnswers,
          ...common,
        });
        made += 1;
      }
      const full: DemoScreening = {
        id: random.uuid(),
        clientId: random.uuid(),
        reference: nextScreeningReference(jurisdiction),
        personId: person.id,
        parentId,
        instrumentId: options.instruments.full.id,
        stage: 'full',
        occurredAt,
        answers: answerFull(
          random,
          options.instruments.full.indicators,
          profile,
          child,
          drugLinked,
          strength,
        ),
        ...common,
        age,
      };
      result.screenings.push(full);
      made += 1;

      // Strong profiles (act, means and purpose present) give grounds to refer: most are referred.
      if (strength >= 0.3 && random.next() < 0.55) {
        const referral = makeNationalReferral(random, options.providers, person, full, officer, now);
        if (referral) {
          result.consents.push(referral.consent);
          result.referrals.push(referral.referral);
        }
      }
    }
  }
  addTransnationalReferral(random, result, options, unitsByJurisdiction, coordinators);
  return result;
}

function makePerson(
  random: Random,
  at: {
    jurisdiction: JurisdictionCode;
    unitId: string;
    officer: DemoUser;
    occurredAt: Date;
    nationality: string;
    child: boolean;
    age: number;
  },
): DemoVictim {
  const origin = ORIGINS[at.nationality]!;
  const sex = weighted(random, [
    ['female', 56],
    ['male', 40],
    ['other', 1],
    ['unknown', 3],
  ] as const);
  const feminine = sex !== 'male';
  let givenName: string;
  let familyName: string;
  if (origin.culture === 'foreign') {
    const pool = FOREIGN_NAMES[at.nationality]!;
    givenName = random.pick(feminine ? pool.female : pool.male);
    familyName = random.pick(pool.surnames);
  } else {
    const pool = NAME_POOLS[origin.culture];
    givenName = random.pick(feminine ? pool.female : pool.male);
    const surname = random.pick(pool.surnames);
    familyName = feminine && pool.feminineSurname ? pool.feminineSurname(surname) : surname;
  }
  const born = new Date(at.occurredAt.getTime() - (at.age * 365.25 + random.int(300)) * DAY);
  const guardian = at.child ? GUARDIANS[at.jurisdiction] : undefined;
  return {
    id: random.uuid(),
    reference: `P-${at.jurisdiction}-${code(random)}`,
    jurisdiction: at.jurisdiction,
    unitId: at.unitId,
    createdBy: at.officer.id,
    createdAt: at.occurredAt,
    category: 'presumed_victim',
    categoryKind: 'assessment',
    sex,
    ageGroup: at.child ? 'child' : random.next() < 0.04 ? 'unknown' : 'adult',
    nationality: at.nationality,
    preferredLanguage: origin.locale,
    identity: {
      givenName,
      familyName,
      birthDate: born.toISOString().slice(0, 10),
      ...(guardian ? { guardian } : {}),
    },
    guardianAppointed: at.child && random.next() < 0.85,
  };
}

function answerRapid(
  random: Random,
  indicators: readonly VictimIndicator[],
  profile: string,
  strength: number,
): Record<string, 'yes' | 'no' | 'unknown'> {
  const answers: Record<string, 'yes' | 'no' | 'unknown'> = {};
  const yes = new Set(
    sample(
      random,
      indicators.filter((i) => i.exploitationTypes.includes(profile) || random.next() < 0.3),
      strength < 0.15 ? 0 : 1 + random.int(2),
    ).map((i) => i.id),
  );
  for (const indicator of indicators)
    answers[indicator.id] = yes.has(indicator.id) ? 'yes' : random.next() < 0.15 ? 'unknown' : 'no';
  return answers;
}

/** Act, means and purpose indicators of the profile (a weak profile: one or none), drug indicators when drug-linked. */
function answerFull(
  random: Random,
  indicators: readonly VictimIndicator[],
  profile: string,
  child: boolean,
  drugLinked: boolean,
  strength: number,
): Record<string, 'yes' | 'no' | 'unknown'> {
  const fits = (i: VictimIndicator) =>
    i.exploitationTypes.includes(profile) &&
    (i.appliesTo === 'both' || i.appliesTo === (child ? 'child' : 'adult'));
  const of = (element: string) =>
    indicators.filter((i) => i.element === element && fits(i) && !i.tags.includes('drugs'));
  const chosen: VictimIndicator[] = [];
  if (strength >= 0.3) {
    chosen.push(...sample(random, of('act'), 1 + random.int(2)));
    chosen.push(...sample(random, of('means'), 1 + random.int(2)));
    chosen.push(...sample(random, of('purpose'), 1 + random.int(2)));
  } else if (strength >= 0.1) {
    chosen.push(...sample(random, [...of('means'), ...of('purpose')], 1));
  }
  if (drugLinked)
    chosen.push(
      ...sample(
        random,
        indicators.filter((i) => i.tags.includes('drugs')),
        1 + random.int(3),
      ),
    );
  const yes = new Set(chosen.map((i) => i.id));
  const answers: Record<string, 'yes' | 'no' | 'unknown'> = {};
  for (const indicator of indicators)
    answers[indicator.id] = yes.has(indicator.id) ? 'yes' : random.next() < 0.08 ? 'unknown' : 'no';
  return answers;
}

const SERVICE_OF_PROFILE: Readonly<Record<string, readonly string[]>> = {
  sexual: ['shelter', 'psychological', 'medical', 'legal_aid'],
  labour: ['shelter', 'legal_aid', 'assisted_return'],
  forced_criminality: ['drug_treatment', 'legal_aid', 'shelter'],
  begging: ['shelter', 'guardianship', 'medical'],
  domestic_servitude: ['shelter', 'psychological', 'legal_aid'],
  forced_marriage: ['shelter', 'psychological', 'guardianship'],
};

function makeNationalReferral(
  random: Random,
  providers: readonly DemoProvider[],
  person: DemoVictim,
  screening: DemoScreening,
  officer: DemoUser,
  now: Date,
): { consent: DemoConsent; referral: DemoReferral } | null {
  const child = person.ageGroup === 'child';
  const profileServices = screening.drugLinked
    ? ['drug_treatment', 'shelter', 'legal_aid']
    : (SERVICE_OF_PROFILE[screening.profile] ?? ['shelter']);
  const candidates = providers.filter(
    (p) =>
      p.jurisdiction === person.jurisdiction &&
      (!child || p.acceptsChildren) &&
      p.services.some((s) => profileServices.includes(s)),
  );
  if (candidates.length === 0) return null;
  // Prefer the shelters of the demo NGOs, whose caseworkers sign in to Veza.
  const provider =
    random.next() < 0.5
      ? (candidates.find((p) => p.agencyId) ?? random.pick(candidates))
      : random.pick(candidates);
  const service = provider.services.find((s) => profileServices.includes(s)) ?? provider.services[0]!;
  let status = weighted(random, STATUSES);
  const createdAt = new Date(screening.occurredAt.getTime() + (2 + random.int(36)) * 3_600_000);
  if (createdAt.getTime() > now.getTime() - 3 * DAY && status !== 'proposed') status = 'sent';
  const scope = random.next() < 0.6 ? ['identity', 'contact', 'screening'] : ['screening', 'health'];
  const consent: DemoConsent = {
    id: random.uuid(),
    personId: person.id,
    purpose: 'referral',
    recipient: `provider:${provider.id}`,
    scope,
    givenBy: child ? 'guardian' : 'person',
    recordedBy: officer.id,
    recordedAt: createdAt,
  };
  const events = referralTimeline(random, status, createdAt, officer.id, now);
  const urgent = child || random.next() < 0.2;
  const referral: DemoReferral = {
    id: random.uuid(),
    reference: `R-${person.jurisdiction}-${code(random)}`,
    personId: person.id,
    screeningId: screening.id,
    kind: 'national',
    service,
    providerId: provider.id,
    toJurisdiction: null,
    procedure: null,
    fromJurisdiction: person.jurisdiction,
    fromUnitId: screening.unitId,
    status,
    declineReason: status === 'declined' ? random.pick(DECLINE_REASONS) : null,
    closeReason: status === 'closed' ? random.pick(CLOSE_REASONS) : null,
    urgent,
    sharedScope: status === 'proposed' ? [] : scope,
    reflectionStartsAt: createdAt,
    reflectionEndsAt: new Date(createdAt.getTime() + 30 * DAY),
    acknowledgeBy: null,
    acknowledgedAt: null,
    createdBy: officer.id,
    createdAt,
    events,
  };
  return { consent, referral };
}

const DECLINE_REASONS = ['No free place', 'Outside our services', 'Person declined the service'];
const CLOSE_REASONS = [
  'Services completed',
  'Person returned home',
  'Person moved to long-term accommodation',
];

const NEXT: Readonly<Record<string, readonly DemoReferral['status'][]>> = {
  proposed: [],
  sent: ['sent'],
  accepted: ['sent', 'accepted'],
  declined: ['sent', 'declined'],
  in_service: ['sent', 'accepted', 'in_service'],
  closed: ['sent', 'accepted', 'in_service', 'closed'],
};
const EVENT_OF: Readonly<Record<string, string>> = {
  sent: 'sent',
  accepted: 'accepted',
  declined: 'declined',
  in_service: 'service_started',
  closed: 'closed',
};

function referralTimeline(
  random: Random,
  status: DemoReferral['status'],
  createdAt: Date,
  actorId: string,
  now: Date,
): DemoReferralEvent[] {
  const events: DemoReferralEvent[] = [
    {
      id: random.uuid(),
      type: 'proposed',
      fromStatus: null,
      toStatus: 'proposed',
      note: null,
      actorId,
      at: createdAt,
    },
  ];
  let at = createdAt.getTime();
  let from: string = 'proposed';
  for (const to of NEXT[status] ?? []) {
    at = Math.min(
      now.getTime() - 60_000,
      at + (to === 'closed' ? 20 + random.int(60) : random.int(3)) * DAY + random.int(600) * 60_000,
    );
    events.push({
      id: random.uuid(),
      type: EVENT_OF[to]!,
      fromStatus: from,
      toStatus: to,
      note: null,
      actorId,
      at: new Date(at),
    });
    from = to;
  }
  return events;
}

/**
 * A 17-year-old Albanian girl identified at the Gevgelija border crossing in North Macedonia two weeks
 * ago, referred to Albania for return and social inclusion: sent, acknowledged, not yet accepted.
 */
function addTransnationalReferral(
  random: Random,
  result: DemoVictimScenario,
  options: VictimScenarioOptions,
  unitsByJurisdiction: Map<JurisdictionCode, { unitId: string; officers: DemoUser[] }[]>,
  coordinators: Map<JurisdictionCode, DemoUser>,
): void {
  const unit = unitsByJurisdiction.get('MK')?.[0];
  const sender = coordinators.get('MK');
  const receiver = coordinators.get('AL');
  if (!unit || !sender || !receiver) return;
  const officer = unit.officers[0]!;
  const occurredAt = new Date(options.now.getTime() - 14 * DAY);
  const person: DemoVictim = {
    ...makePerson(random, {
      jurisdiction: 'MK',
      unitId: unit.unitId,
      officer,
      occurredAt,
      nationality: 'AL',
      child: true,
      age: 17,
    }),
    sex: 'female',
    identity: {
      givenName: 'Qëndresa',
      familyName: 'Bytyqi',
      birthDate: new Date(occurredAt.getTime() - 17.4 * 365.25 * DAY).toISOString().slice(0, 10),
      guardian: GUARDIANS.MK,
    },
    guardianAppointed: true,
  };
  result.persons.push(person);
  const drugs = options.instruments.full.indicators.filter((i) => i.tags.includes('drugs'));
  const screening: DemoScreening = {
    id: random.uuid(),
    clientId: random.uuid(),
    reference: `S-MK-${String(result.screenings.filter((s) => s.jurisdiction === 'MK').length + 1).padStart(6, '0')}`,
    personId: person.id,
    parentId: null,
    instrumentId: options.instruments.full.id,
    stage: 'full',
    jurisdiction: 'MK',
    unitId: unit.unitId,
    screenedBy: officer.id,
    occurredAt,
    setting: 'border_crossing',
    place: 'Гевгелија, граничен премин Богородица',
    interviewLanguage: 'sq',
    interpreterLanguage: 'mk',
    age: 17,
    ageInDoubt: false,
    answers: answerFull(random, options.instruments.full.indicators, 'sexual', true, false, 0.9),
    drugLinked: false,
    profile: 'sexual',
  };
  for (const indicator of drugs.slice(0, 1)) screening.answers[indicator.id] = 'yes';
  screening.drugLinked = drugs.length > 0;
  result.screenings.push(screening);
  const createdAt = new Date(occurredAt.getTime() + 2 * DAY);
  const sentAt = new Date(createdAt.getTime() + 3_600_000);
  const scope = ['identity', 'contact', 'screening', 'health'];
  result.consents.push({
    id: random.uuid(),
    personId: person.id,
    purpose: 'transnational_referral',
    recipient: 'jurisdiction:AL',
    scope,
    givenBy: 'guardian',
    recordedBy: sender.id,
    recordedAt: createdAt,
  });
  result.referrals.push({
    id: random.uuid(),
    reference: `R-MK-${code(random)}`,
    personId: person.id,
    screeningId: screening.id,
    kind: 'transnational',
    service: 'assisted_return',
    providerId: null,
    toJurisdiction: 'AL',
    procedure: 'return_inclusion',
    fromJurisdiction: 'MK',
    fromUnitId: sender.unitId,
    status: 'sent',
    declineReason: null,
    closeReason: null,
    urgent: true,
    sharedScope: scope,
    reflectionStartsAt: createdAt,
    reflectionEndsAt: new Date(createdAt.getTime() + 30 * DAY),
    acknowledgeBy: new Date(sentAt.getTime() + 2 * DAY),
    acknowledgedAt: new Date(sentAt.getTime() + 1 * DAY),
    createdBy: sender.id,
    createdAt,
    events: [
      {
        id: random.uuid(),
        type: 'proposed',
        fromStatus: null,
        toStatus: 'proposed',
        note: null,
        actorId: sender.id,
        at: createdAt,
      },
      {
        id: random.uuid(),
        type: 'sent',
        fromStatus: 'proposed',
        toStatus: 'sent',
        note: null,
        actorId: sender.id,
        at: sentAt,
      },
      {
        id: random.uuid(),
        type: 'acknowledged',
        fromStatus: null,
        toStatus: null,
        note: null,
        actorId: receiver.id,
        at: new Date(sentAt.getTime() + 1 * DAY),
      },
    ],
  });
}
