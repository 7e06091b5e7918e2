import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { notifications } from '@veza/db';
import type { Queryable } from '@veza/db';
import { NOTIFICATION_KINDS } from '@veza/shared';
import type { Notification, NotificationKind, NotificationList } from '@veza/shared';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

export interface NewNotification {
  /** To one user, or to everyone of a unit: give exactly one. */
  to: { userId: string } | { unitId: string };
  kind: NotificationKind;
  /** References, dates, counts: never a name. The message is rendered in the reader's language. */
  payload: Record<string, string | number | boolean | null>;
  /** Where the app goes when the notification is opened, e.g. `/referrals/<id>`. */
  link?: string | null;
  /**
   * A key that makes the notification happen once only (a reminder a sweep may try again):
   * `reflection_ending:<referralId>`. A second notify with the same key does nothing.
   */
  dedupeKey?: string;
}

/**
 * Tells a user or a unit something, inside the caller's transaction: if the use case rolls back,
 * nobody is told. Returns false when `dedupeKey` was used before.
 */
export async function notify(q: Queryable, input: NewNotification): Promise<boolean> {
  return (await notifyAll(q, [input])) > 0;
}

/** Several notifications in one insert, as `notify` does each; returns how many were new. */
export async function notifyAll(q: Queryable, inputs: readonly NewNotification[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const rows = await q
    .insert(notifications)
    .values(
      inputs.map((input) => ({
        id: randomUUID(),
        userId: 'userId' in input.to ? input.to.userId : null,
        unitId: 'unitId' in input.to ? input.to.unitId : null,
        kind: input.kind,
        payload: input.payload,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

function signedIn(ctx: RequestContext) {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

function addressedTo(userId: string, unitId: string) {
  return or(eq(notifications.userId, userId), eq(notifications.unitId, unitId));
}

/** The signed-in user's notifications and their unit's, newest first, with the unread count. */
export async function listMyNotifications(
  q: Queryable,
  ctx: RequestContext,
  query: { unreadOnly: 'true' | 'false'; limit: number },
): Promise<NotificationList> {
  const actor = signedIn(ctx);
  const mine = addressedTo(actor.userId, actor.unitId);
  const rows = await q
    .select()
    .from(notifications)
    .where(query.unreadOnly === 'true' ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit);
  const [count] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return {
    items: rows.map((row): Notification => ({
      id: row.id,
      kind: (NOTIFICATION_KINDS as readonly string[]).includes(row.kind)
        ? (row.kind as NotificationKind)
        : 'referral_status',
      payload: row.payload as Notification['payload'],
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
    unread: count?.n ?? 0,
  };
}

/**
 * Marks one notification read. A unit's notification is read for the whole unit: whoever opens it
 * first takes it on, as with a shared inbox.
 */
export async function markNotificationRead(q: Queryable, ctx: RequestContext, id: string): Promise<void> {
  const actor = signedIn(ctx);
  const rows = await q
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), addressedTo(actor.userId, actor.unitId)))
    .returning({ id: notifications.id });
  if (rows.length === 0) throw new AppError('not_found');
}
