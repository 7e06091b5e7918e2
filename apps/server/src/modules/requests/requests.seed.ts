import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { DEMO_REQUESTS, demoRequestVolume, type DemoRequest, type DemoScenario } from '@veza/demo';
import type { JurisdictionCode, RequestCreate } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { systemContext } from '../../platform/context.ts';
import { demoCaseByTitle } from '../cases/index.ts';
import { CLOCK_NOTICES, nextNoticeAt } from './requests.clock.ts';
import { answerDue } from './requests.deadline.ts';
import {
  appendEvents,
  findSide,
  insertRequests,
  reserveNumbers,
  type NewRequestEventRow,
  type NewRequestRow,
} from './requests.repository.ts';
import {
  answerRequest,
  createRequest,
  delayRequest,
  refuseRequest,
  startRequest,
  withdrawRequest,
} from './requests.service.ts';

const HOUR_MS = 3_600_000;

/** A demo user as the policy engine sees them. */
function actorOf(
  scenario: DemoScenario,
  email: string | undefined,
  pick: (s: DemoScenario) => string,
): Actor {
  const user = scenario.users.find((u) => u.email === (email ?? pick(scenario)));
  const unit = scenario.units.find((u) => u.id === user?.unitId);
  const agency = scenario.agencies.find((a) => a.id === unit?.agencyId);
  if (!user || !unit || !agency) throw new Error(`No demo user ${email ?? ''} for a demo request`);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    unitId: unit.id,
    agencyId: agency.id,
    jurisdiction: agency.jurisdiction,
    language: user.language,
  };
}

/** The first member with `role` of the first unit of `kind` in `jurisdiction`. */
function memberOf(jurisdiction: JurisdictionCode, kind: string, role: string) {
  return (scenario: DemoScenario): string => {
    const agencies = new Set(
      scenario.agencies.filter((a) => a.jurisdiction === jurisdiction).map((a) => a.id),
    );
    const unit = scenario.units.find((u) => u.kind === kind && agencies.has(u.agencyId));
    const user = scenario.users.find((u) => u.unitId === unit?.id && u.roles.includes(role as never));
    if (!user) throw new Error(`No ${role} in the ${kind} unit of ${jurisdiction}`);
    return user.email;
  };
}

/**
 * Loads the demo requests through the module's own use cases, as their users would have made them:
 * each sent request reaches the requested point of contact through the outbound interface, so both
 * sides' records, envelopes, notifications and audit entries are what the application makes. Times
 * are counted back from `loadedAt`; a step is never dated after it.
 */
export async function seedDemoRequests(
  q: Queryable,
  scenario: DemoScenario,
  loadedAt: Date = new Date(),
): Promise<number> {
  for (const demo of DEMO_REQUESTS) await seedOne(q, scenario, demo, loadedAt);
  const volume = await seedRequestVolume(q, scenario, loadedAt);
  return DEMO_REQUESTS.length + volume;
}

/** The unit of `kind` of a jurisdiction in the scenario. */
function unitIdOf(scenario: DemoScenario, jurisdiction: JurisdictionCode, kind: string): string {
  const agencies = new Set(scenario.agencies.filter((a) => a.jurisdiction === jurisdiction).map((a) => a.id));
  const unit = scenario.units.find((u) => u.kind === kind && agencies.has(u.agencyId));
  if (!unit) throw new Error(`No ${kind} unit in ${jurisdiction}`);
  return unit.id;
}

const FILLER = {
  purpose: 'Establishing the route and the facilitators of a trafficking network',
  facts:
    'Invented demo facts: a transport of recruited workers crossed the border in the period asked about.',
  offence: 'Trafficking in human beings',
  whyHeld: 'The record is kept by an authority of the requested jurisdiction.',
  personLink: 'The record concerns a suspect of the investigation (demo data).',
};

/**
 * A few hundred more requests in every state (packages/demo `demoRequestVolume`), loaded in bulk so
 * the demo stays quick to seed: both sides' records and their timelines are written directly, as the
 * use cases would have left them, with clock notices already counted as sent. Unlike the requests
 * above they leave no envelopes, notifications or audit entries: they are volume for the lists and
 * the statistics, not a story.
 */
async function seedRequestVolume(q: Queryable, scenario: DemoScenario, loadedAt: Date): Promise<number> {
  const volume = demoRequestVolume();
  const year = loadedAt.getUTCFullYear();
  const numbers = new Map<string, number>();
  for (const jurisdiction of new Set(volume.map((v) => v.from)))
    numbers.set(
      jurisdiction,
      (await reserveNumbers(q, jurisdiction, year, volume.filter((v) => v.from === jurisdiction).length)) + 1,
    );
  const rows: NewRequestRow[] = [];
  const events: NewRequestEventRow[] = [];
  for (const item of volume) {
    const number = numbers.get(item.from) ?? 1;
    numbers.set(item.from, number + 1);
    const receivedAt = new Date(loadedAt.getTime() - item.receivedHoursAgo * HOUR_MS);
    const sentAt = new Date(receivedAt.getTime() - 60_000);
    const { dueAt, period } = answerDue(item.urgency, receivedAt, item.to);
    const span = dueAt.getTime() - receivedAt.getTime();
    const { outcome } = item;
    const settledAt =
      outcome.kind === 'answered'
        ? new Date(receivedAt.getTime() + span * (outcome.inTime ? 0.6 : 1.4))
        : new Date(receivedAt.getTime() + span * 0.5);
    const delayed = outcome.kind === 'delayed' || (outcome.kind === 'answered' && !outcome.inTime);
    const delayAt = new Date(receivedAt.getTime() + span * 0.3);
    const status =
      outcome.kind === 'answered'
        ? outcome.completeness === 'fully'
          ? 'answered_fully'
          : 'answered_partly'
        : outcome.kind === 'delayed'
          ? 'in_progress'
          : outcome.kind;
    const answer =
      outcome.kind === 'answered'
        ? {
            completeness: outcome.completeness,
            text:
              outcome.completeness === 'fully'
                ? 'The records asked for are attached to the channel message (demo).'
                : 'Part of the records is attached; the rest follows (demo).',
            language: 'en',
            at: settledAt.toISOString(),
          }
        : null;
    const common = {
      exchangeId: uuidv7(),
      reference: `${item.from}-${year}-${String(number).padStart(4, '0')}`,
      status,
      fromJurisdictionCode: item.from,
      fromUnitId: unitIdOf(scenario, item.from, 'trafficking'),
      toJurisdictionCode: item.to,
      toUnitId: unitIdOf(scenario, item.to, 'international_cooperation'),
      urgency: item.urgency,
      period,
      sought: item.sought,
      ...FILLER,
      urgencyReasons:
        item.urgency === 'standard' ? null : 'The suspects are preparing another transport (demo).',
      restrictions: null,
      handlingCode: 'H0',
      evaluation: 'B2',
      language: 'en',
      channel: 'siena',
      channelReference: `SIENA-DEMO-${item.from}${item.to}-${number}`,
      sentAt,
      receivedAt,
      dueAt,
      ...(delayed && {
        delayReason: 'Judicial authorisation for the records is awaited (demo).',
        delayExpectedAt: new Date(dueAt.getTime() + span),
        delayAt,
      }),
      ...(answer && {
        answerCompleteness: answer.completeness,
        answerText: answer.text,
        answerLanguage: answer.language,
        answeredAt: settledAt,
        firstAnsweredAt: settledAt,
        answers: [answer],
      }),
      ...(outcome.kind === 'refused' && {
        refusalGround: outcome.ground,
        refusalExplanation: 'Refused on a listed ground (demo).',
        refusedAt: settledAt,
      }),
      ...(outcome.kind === 'withdrawn' && {
        withdrawalReason: 'The investigation found the records elsewhere (demo).',
        withdrawnAt: settledAt,
      }),
      nextNoticeAt: null,
      noticesSent: noticesPassed(
        receivedAt,
        dueAt,
        status === 'received' || status === 'in_progress' ? loadedAt : settledAt,
      ),
      createdAt: sentAt,
      updatedAt: status === 'received' ? receivedAt : settledAt,
    };
    const requesting: NewRequestRow = {
      ...common,
      id: uuidv7(),
      side: 'requesting',
      holderJurisdictionCode: item.from,
      holderUnitId: common.fromUnitId,
      noticesSent: [],
      createdBy: null,
    };
    const open = status === 'received' || status === 'in_progress';
    const requested: NewRequestRow = {
      ...common,
      nextNoticeAt: open ? nextNoticeAt(receivedAt, dueAt, common.noticesSent) : null,
      id: uuidv7(),
      side: 'requested',
      holderJurisdictionCode: item.to,
      holderUnitId: common.toUnitId,
      createdBy: null,
    };
    rows.push(requesting, requested);
    for (const row of [requesting, requested]) {
      const event = (type: string, at: Date, note: string | null = null) =>
        events.push({ id: uuidv7(), requestId: row.id, type, note, actorId: null, at });
      if (row.side === 'requesting') event('sent', sentAt);
      event('received', receivedAt);
      if (status !== 'received') event('in_progress', new Date(receivedAt.getTime() + span * 0.1));
      if (delayed) event('delay_notice', delayAt, common.delayReason ?? null);
      if (outcome.kind === 'answered') event(status, settledAt);
      if (outcome.kind === 'refused') event('refused', settledAt, outcome.ground);
      if (outcome.kind === 'withdrawn') event('withdrawn', settledAt, common.withdrawalReason ?? null);
    }
  }
  await insertRequests(q, rows);
  await appendEvents(q, events);
  return volume.length;
}

/** The clock notices whose moment had passed by `until`: counted as sent, so the sweep sends none. */
function noticesPassed(receivedAt: Date, dueAt: Date, until: Date): string[] {
  const elapsed = (until.getTime() - receivedAt.getTime()) / (dueAt.getTime() - receivedAt.getTime());
  return CLOCK_NOTICES.filter((step) => elapsed >= step.fraction).map((step) => step.notice);
}

async function seedOne(
  q: Queryable,
  scenario: DemoScenario,
  demo: DemoRequest,
  loadedAt: Date,
): Promise<void> {
  const requester = systemContext(
    actorOf(scenario, demo.requesterEmail, memberOf(demo.from, 'trafficking', 'officer')),
  );
  const handler = systemContext(
    actorOf(scenario, undefined, memberOf(demo.to, 'international_cooperation', 'cooperation_officer')),
  );
  const sentAt = new Date(loadedAt.getTime() - demo.sentHoursAgo * HOUR_MS);
  const at = (hours: number) =>
    new Date(Math.min(sentAt.getTime() + hours * HOUR_MS, loadedAt.getTime() - 60_000));
  const linked = demo.caseTitle ? await demoCaseByTitle(q, demo.caseTitle) : undefined;
  const { urgencyReasons, restrictions, ...content } = demo.content;
  const input: RequestCreate = {
    ...content,
    ...(urgencyReasons && { urgencyReasons }),
    ...(restrictions && { restrictions }),
    to: { jurisdiction: demo.to },
    urgency: demo.urgency,
    handlingCode: demo.handlingCode,
    evaluation: demo.evaluation,
    channel: demo.channel,
    ...(demo.channelReference && { channelReference: demo.channelReference }),
    ...(linked && { caseId: linked.id }),
    send: demo.outcome.kind !== 'draft',
  };
  const mine = await createRequest(q, requester, { ...input, send: input.send ?? false }, sentAt);
  const { outcome } = demo;
  if (outcome.kind === 'draft' || outcome.kind === 'open') return;
  if (outcome.kind === 'withdrawn') {
    await withdrawRequest(q, requester, mine.id, outcome.reason, at(outcome.afterHours));
    return;
  }
  const theirs = await findSide(q, mine.exchangeId, 'requested');
  if (!theirs) throw new Error(`Demo request ${mine.reference} was not received`);
  switch (outcome.kind) {
    case 'in_progress':
      await startRequest(q, handler, theirs.id, at(0.5));
      return;
    case 'delayed':
      await startRequest(q, handler, theirs.id, at(0.5));
      await delayRequest(
        q,
        handler,
        theirs.id,
        {
          reason: outcome.reason,
          expectedAt: new Date(loadedAt.getTime() + outcome.expectedInHours * HOUR_MS).toISOString(),
        },
        at(Math.min(2, demo.sentHoursAgo / 2)),
      );
      return;
    case 'answered':
      await answerRequest(
        q,
        handler,
        theirs.id,
        { completeness: outcome.completeness, text: outcome.text, language: outcome.language },
        at(outcome.afterHours),
      );
      return;
    case 'refused':
      await refuseRequest(
        q,
        handler,
        theirs.id,
        { ground: outcome.ground, explanation: outcome.explanation },
        at(outcome.afterHours),
      );
      return;
  }
}
