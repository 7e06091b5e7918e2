import { personConsents, persons, referralEvents, referrals, screenings } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { DemoScenario } from '@veza/demo';
import { generateProviders } from '@veza/demo/referral/index';
import { generateVictimScenario } from '@veza/demo/victims/index';
import type { VictimIndicator } from '@veza/demo/victims/index';
import type { Indicator } from '@veza/shared';
import {
  assess,
  DEFAULT_LIBRARY,
  ensureDefaultInstruments,
  FULL_INTERVIEW_ID,
  RAPID_SCREEN_ID,
} from '../modules/indicators/index.ts';
import { sealSecret } from '../platform/auth/secret-box.ts';

export interface SeededVictims {
  persons: number;
  screenings: number;
  referrals: number;
}

/** Review after a year, erase after five: the same periods the victims module sets on new persons. */
const REVIEW_AFTER_DAYS = 365;
const RETAIN_FOR_DAYS = 5 * 365;
const DAY = 86_400_000;
/** The shipped library is installed as version 1 (ensureDefaultInstruments). */
const SHIPPED_VERSION = 1;

/**
 * Loads the victim-identification demo: persons (identity sealed with the server key, like the victims
 * module does), screenings assessed by the same engine, consents and referrals with their timelines.
 * Runs after the provider directory, whose ids the referrals point to.
 */
export async function seedDemoVictims(
  q: Queryable,
  scenario: Pick<DemoScenario, 'agencies' | 'units' | 'users'>,
  secretKey: Buffer,
  now: Date = new Date(),
): Promise<SeededVictims> {
  await ensureDefaultInstruments(q);
  const rapid = DEFAULT_LIBRARY[RAPID_SCREEN_ID];
  const full = DEFAULT_LIBRARY[FULL_INTERVIEW_ID];
  if (!rapid || !full) throw new Error('The shipped screening library is incomplete');
  const data = generateVictimScenario({
    scenario,
    providers: generateProviders(scenario),
    instruments: {
      rapid: { id: RAPID_SCREEN_ID, indicators: rapid.indicators.map(forGenerator) },
      full: { id: FULL_INTERVIEW_ID, indicators: full.indicators.map(forGenerator) },
    },
    now,
  });

  for (const chunk of chunks(data.persons)) {
    await q.insert(persons).values(
      chunk.map((p) => ({
        id: p.id,
        reference: p.reference,
        jurisdictionCode: p.jurisdiction,
        unitId: p.unitId,
        category: p.category,
        categoryKind: p.categoryKind,
        sex: p.sex,
        ageGroup: p.ageGroup,
        nationality: p.nationality,
        preferredLanguage: p.preferredLanguage,
        identity: sealSecret(secretKey, JSON.stringify(p.identity)),
        guardianAppointed: p.guardianAppointed,
        reviewDueAt: new Date(p.createdAt.getTime() + REVIEW_AFTER_DAYS * DAY),
        retainUntil: new Date(p.createdAt.getTime() + RETAIN_FOR_DAYS * DAY),
        createdBy: p.createdBy,
        createdAt: p.createdAt,
        updatedAt: p.createdAt,
      })),
    );
  }

  for (const chunk of chunks(data.screenings)) {
    await q.insert(screenings).values(
      chunk.map((s) => {
        const indicators = (s.stage === 'rapid' ? rapid : full).indicators;
        const result = assess({
          stage: s.stage,
          indicators,
          answers: s.answers,
          ...(s.age !== null ? { age: s.age } : {}),
          ageInDoubt: s.ageInDoubt,
        });
        const present = indicators.filter((i: Indicator) => s.answers[i.id] === 'yes');
        return {
          id: s.id,
          clientId: s.clientId,
          reference: s.reference,
          personId: s.personId,
          parentId: s.parentId,
          instrumentId: s.instrumentId,
          instrumentVersion: SHIPPED_VERSION,
          stage: s.stage,
          jurisdictionCode: s.jurisdiction,
          unitId: s.unitId,
          screenedBy: s.screenedBy,
          occurredAt: s.occurredAt,
          setting: s.setting,
          place: s.place,
          interviewLanguage: s.interviewLanguage,
          interpreterLanguage: s.interpreterLanguage,
          narrative: null,
          age: s.age,
          ageInDoubt: s.ageInDoubt,
          answers: s.answers,
          outcome: result.outcome,
          rule: result.rule,
          reasons: result.reasons,
          childRule: result.childRule,
          nonPunishmentAlert: result.nonPunishmentAlert,
          exploitationTypes: [...new Set(present.flatMap((i) => i.exploitationTypes))].sort(),
          revision: 1,
          fieldRevisions: {},
          createdAt: s.occurredAt,
          updatedAt: s.occurredAt,
        };
      }),
    );
  }

  for (const chunk of chunks(data.consents)) {
    await q.insert(personConsents).values(
      chunk.map((c) => ({
        id: c.id,
        personId: c.personId,
        purpose: c.purpose,
        recipient: c.recipient,
        version: 1,
        status: 'granted',
        scope: c.scope,
        givenBy: c.givenBy,
        recordedBy: c.recordedBy,
        recordedAt: c.recordedAt,
      })),
    );
  }

  for (const chunk of chunks(data.referrals)) {
    await q.insert(referrals).values(
      chunk.map((r) => ({
        id: r.id,
        reference: r.reference,
        personId: r.personId,
        screeningId: r.screeningId,
        kind: r.kind,
        service: r.service,
        providerId: r.providerId,
        toJurisdictionCode: r.toJurisdiction,
        procedure: r.procedure,
        fromJurisdictionCode: r.fromJurisdiction,
        fromUnitId: r.fromUnitId,
        status: r.status,
        declineReason: r.declineReason,
        closeReason: r.closeReason,
        urgent: r.urgent,
        sharedScope: r.sharedScope,
        message: null,
        reflectionStartsAt: r.reflectionStartsAt,
        reflectionEndsAt: r.reflectionEndsAt,
        acknowledgeBy: r.acknowledgeBy,
        acknowledgedAt: r.acknowledgedAt,
        createdBy: r.createdBy,
        createdAt: r.createdAt,
        updatedAt: r.events.at(-1)?.at ?? r.createdAt,
      })),
    );
    const events = chunk.flatMap((r) => r.events.map((e) => ({ ...e, referralId: r.id })));
    for (const part of chunks(events)) await q.insert(referralEvents).values(part);
  }

  return {
    persons: data.persons.length,
    screenings: data.screenings.length,
    referrals: data.referrals.length,
  };
}

function forGenerator(indicator: Indicator): VictimIndicator {
  return {
    id: indicator.id,
    element: indicator.element,
    exploitationTypes: indicator.exploitationTypes,
    appliesTo: indicator.appliesTo,
    tags: indicator.tags,
  };
}

function chunks<T>(items: readonly T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
