import type { Queryable } from '@veza/db';
import { DEMO_REQUESTS, type DemoRequest, type DemoScenario } from '@veza/demo';
import type { JurisdictionCode, RequestCreate } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { systemContext } from '../../platform/context.ts';
import { demoCaseByTitle } from '../cases/index.ts';
import { findSide } from './requests.repository.ts';
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
  return DEMO_REQUESTS.length;
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
