import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '@veza/db';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import { actorOf, findAccountById } from '../../platform/auth/account.repository.ts';
import { calendarContributors, type CalendarEvent } from '../../platform/calendar.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize } from '../../platform/policy/index.ts';
import { icsCalendar } from './calendar.ics.ts';
import { deleteFeed, feedByTokenHash, feedOfUser, replaceFeed } from './calendar.repository.ts';

export const PRODID = '-//Veza//Calendar feed//EN';

/** The feed as the routes send it. */
export interface CalendarFile {
  body: string;
  events: number;
}

function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

const feedOf = (userId: string) => ({ type: 'calendar_feed' as const, userId });

/** The stored form of a feed token: its SHA-256, as for session tokens (platform/auth). */
export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Where the app is reached from outside (`https://veza.example`), for the feed's links. */
export type Origin = string;

export function feedUrl(origin: Origin, token: string): string {
  return `${origin}/api/calendar/feeds/${token}.ics`;
}

// --- The secret address ------------------------------------------------------------------------------

export async function feedStatus(q: Queryable, ctx: RequestContext): Promise<CalendarFeedStatus> {
  const actor = signedIn(ctx);
  authorize(ctx, 'calendar.manage', feedOf(actor.userId));
  const row = await feedOfUser(q, actor.userId);
  return {
    exists: row !== undefined,
    createdAt: row?.createdAt.toISOString() ?? null,
    allowed: allowedActions(actor, feedOf(actor.userId)),
  };
}

/**
 * Makes a new secret address for the actor's feed, replacing an earlier one. The token is shown in
 * this answer only; the database keeps its hash.
 */
export async function createFeed(
  q: Queryable,
  ctx: RequestContext,
  origin: Origin,
  now = new Date(),
): Promise<CalendarFeedCreated> {
  const actor = signedIn(ctx);
  authorize(ctx, 'calendar.manage', feedOf(actor.userId));
  const replaced = (await feedOfUser(q, actor.userId)) !== undefined;
  // Hexadecimal: nothing in it a router or a calendar app could take for a separator.
  const token = randomBytes(32).toString('hex');
  await replaceFeed(q, { userId: actor.userId, tokenHash: tokenHashOf(token), createdAt: now });
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'calendar.manage',
    recordType: 'calendar_feed',
    recordId: actor.userId,
    subjectId: actor.userId,
    outcome: 'allowed',
    details: { change: replaced ? 'replaced' : 'created' },
  });
  return { url: feedUrl(origin, token), createdAt: now.toISOString() };
}

/** Revokes the actor's secret address: it answers 404 from now on. */
export async function revokeFeed(q: Queryable, ctx: RequestContext): Promise<void> {
  const actor = signedIn(ctx);
  authorize(ctx, 'calendar.manage', feedOf(actor.userId));
  if (!(await deleteFeed(q, actor.userId)))
    throw new AppError('not_found', { message: 'There is no feed address to revoke' });
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'calendar.manage',
    recordType: 'calendar_feed',
    recordId: actor.userId,
    subjectId: actor.userId,
    outcome: 'allowed',
    details: { change: 'revoked' },
  });
}

// --- The feed ----------------------------------------------------------------------------------------

/** The signed-in user's feed (`GET /api/calendar.ics`). */
export async function ownFeed(q: Queryable, ctx: RequestContext, origin: Origin): Promise<CalendarFile> {
  signedIn(ctx);
  return writeFeed(q, ctx, origin, 'session');
}

/**
 * The feed behind a secret address, without a session: calendar apps cannot sign in. An unknown or
 * revoked token, and the token of a disabled account, answer 404 alike.
 */
export async function feedBySecret(
  q: Queryable,
  ctx: RequestContext,
  token: string,
  origin: Origin,
): Promise<CalendarFile> {
  const row = await feedByTokenHash(q, tokenHashOf(token));
  const account = row ? await findAccountById(q, row.userId) : null;
  if (!row || !account || account.status !== 'active') throw new AppError('not_found');
  // The read is the owner's: the same policy and the same audit entry as a signed-in read.
  return writeFeed(q, { ...ctx, actor: actorOf(account) }, origin, 'secret_address');
}

async function writeFeed(
  q: Queryable,
  ctx: RequestContext,
  origin: Origin,
  via: 'session' | 'secret_address',
  now = new Date(),
): Promise<CalendarFile> {
  const actor = signedIn(ctx);
  authorize(ctx, 'calendar.view', feedOf(actor.userId));
  const question = { actor, language: actor.language, now };
  const events: CalendarEvent[] = [];
  for (const contribute of calendarContributors()) events.push(...(await contribute(q, question)));
  events.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  // One consultation per read: the feed is the user's own data (their work), read by them or their app.
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'calendar.view',
    recordType: 'calendar_feed',
    recordId: actor.userId,
    subjectId: actor.userId,
    outcome: 'allowed',
    details: { via, events: events.length },
  });
  const body = icsCalendar({
    prodId: PRODID,
    name: 'Veza',
    events: events.map((event) => ({
      uid: event.uid,
      stamp: now,
      start: event.start,
      end: event.end,
      summary: event.summary,
      description: event.description,
      url: event.path === undefined ? undefined : `${origin}${event.path}`,
    })),
  });
  return { body, events: events.length };
}
