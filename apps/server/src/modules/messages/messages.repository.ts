import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { messageAttachments, messagePermissionRequests, messages, messageThreads } from '@veza/db';
import type { Queryable } from '@veza/db';
import type { JurisdictionCode } from '@veza/shared';

export type ThreadRow = typeof messageThreads.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type NewMessageRow = typeof messages.$inferInsert;
export type AttachmentRow = typeof messageAttachments.$inferSelect;
export type AttachmentInfo = Omit<AttachmentRow, 'content'>;
export type PermissionRow = typeof messagePermissionRequests.$inferSelect;

// --- Threads -----------------------------------------------------------------------------------------

export async function insertThread(
  q: Queryable,
  row: typeof messageThreads.$inferInsert,
): Promise<ThreadRow> {
  const [inserted] = await q.insert(messageThreads).values(row).returning();
  if (!inserted) throw new Error('thread not inserted');
  return inserted;
}

export async function findThread(q: Queryable, id: string): Promise<ThreadRow | undefined> {
  const [row] = await q.select().from(messageThreads).where(eq(messageThreads.id, id));
  return row;
}

export async function findThreadByExchange(
  q: Queryable,
  exchangeId: string,
  holder: JurisdictionCode,
): Promise<ThreadRow | undefined> {
  const [row] = await q
    .select()
    .from(messageThreads)
    .where(and(eq(messageThreads.exchangeId, exchangeId), eq(messageThreads.holderJurisdictionCode, holder)));
  return row;
}

export async function touchThread(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(messageThreads).set({ lastMessageAt: at }).where(eq(messageThreads.id, id));
}

export async function threadsByIds(q: Queryable, ids: readonly string[]): Promise<ThreadRow[]> {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(messageThreads)
    .where(inArray(messageThreads.id, [...ids]));
}

// --- Messages ----------------------------------------------------------------------------------------

export async function insertMessage(q: Queryable, row: NewMessageRow): Promise<MessageRow> {
  const [inserted] = await q.insert(messages).values(row).returning();
  if (!inserted) throw new Error('message not inserted');
  return inserted;
}

export async function findMessage(q: Queryable, id: string): Promise<MessageRow | undefined> {
  const [row] = await q.select().from(messages).where(eq(messages.id, id));
  return row;
}

export async function findMessageByExchange(
  q: Queryable,
  exchangeId: string,
  holder: JurisdictionCode,
): Promise<MessageRow | undefined> {
  const [row] = await q
    .select()
    .from(messages)
    .where(and(eq(messages.exchangeId, exchangeId), eq(messages.holderJurisdictionCode, holder)));
  return row;
}

export async function updateMessage(
  q: Queryable,
  id: string,
  changes: Partial<NewMessageRow>,
): Promise<MessageRow> {
  const [row] = await q.update(messages).set(changes).where(eq(messages.id, id)).returning();
  if (!row) throw new Error('message not updated');
  return row;
}

export async function messagesOfThread(q: Queryable, threadId: string): Promise<MessageRow[]> {
  return q.select().from(messages).where(eq(messages.threadId, threadId)).orderBy(asc(messages.sentAt));
}

/**
 * The messages of this jurisdiction's records that one of the units sent or received (a party counts
 * only on its own jurisdiction's record), newest first.
 */
export async function messagesOfUnits(
  q: Queryable,
  holder: JurisdictionCode,
  unitIds: readonly string[],
  limit: number,
): Promise<MessageRow[]> {
  if (unitIds.length === 0) return [];
  return q
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.holderJurisdictionCode, holder),
        or(
          and(eq(messages.fromJurisdictionCode, holder), inArray(messages.fromUnitId, [...unitIds])),
          and(eq(messages.toJurisdictionCode, holder), inArray(messages.toUnitId, [...unitIds])),
        ),
      ),
    )
    .orderBy(desc(messages.sentAt))
    .limit(limit);
}

// --- Attachments -------------------------------------------------------------------------------------

export async function insertAttachments(
  q: Queryable,
  rows: (typeof messageAttachments.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await q.insert(messageAttachments).values(rows);
}

const attachmentInfo = {
  id: messageAttachments.id,
  messageId: messageAttachments.messageId,
  fileName: messageAttachments.fileName,
  mediaType: messageAttachments.mediaType,
  size: messageAttachments.size,
  sha256: messageAttachments.sha256,
};

/** The files of the messages without their bytes. */
export async function attachmentsOf(q: Queryable, messageIds: readonly string[]): Promise<AttachmentInfo[]> {
  if (messageIds.length === 0) return [];
  return q
    .select(attachmentInfo)
    .from(messageAttachments)
    .where(inArray(messageAttachments.messageId, [...messageIds]))
    .orderBy(asc(messageAttachments.fileName), asc(messageAttachments.id));
}

/** The files of one message with their bytes (to download one, to forward or send them on). */
export async function attachmentFiles(q: Queryable, messageId: string): Promise<AttachmentRow[]> {
  const rows = await q
    .select()
    .from(messageAttachments)
    .where(eq(messageAttachments.messageId, messageId))
    .orderBy(asc(messageAttachments.fileName), asc(messageAttachments.id));
  return rows.map((row) => ({ ...row, content: new Uint8Array(row.content) }));
}

// --- Permission requests -----------------------------------------------------------------------------

export async function insertPermission(
  q: Queryable,
  row: typeof messagePermissionRequests.$inferInsert,
): Promise<PermissionRow> {
  const [inserted] = await q.insert(messagePermissionRequests).values(row).returning();
  if (!inserted) throw new Error('permission request not inserted');
  return inserted;
}

export async function findPermission(q: Queryable, id: string): Promise<PermissionRow | undefined> {
  const [row] = await q.select().from(messagePermissionRequests).where(eq(messagePermissionRequests.id, id));
  return row;
}

export async function findPermissionByExchange(
  q: Queryable,
  exchangeId: string,
  holder: JurisdictionCode,
): Promise<PermissionRow | undefined> {
  const [row] = await q
    .select()
    .from(messagePermissionRequests)
    .where(
      and(
        eq(messagePermissionRequests.exchangeId, exchangeId),
        eq(messagePermissionRequests.holderJurisdictionCode, holder),
      ),
    );
  return row;
}

export async function updatePermission(
  q: Queryable,
  id: string,
  changes: Partial<typeof messagePermissionRequests.$inferInsert>,
): Promise<PermissionRow> {
  const [row] = await q
    .update(messagePermissionRequests)
    .set(changes)
    .where(eq(messagePermissionRequests.id, id))
    .returning();
  if (!row) throw new Error('permission request not updated');
  return row;
}

export async function permissionsOf(q: Queryable, messageIds: readonly string[]): Promise<PermissionRow[]> {
  if (messageIds.length === 0) return [];
  return q
    .select()
    .from(messagePermissionRequests)
    .where(inArray(messagePermissionRequests.messageId, [...messageIds]))
    .orderBy(asc(messagePermissionRequests.askedAt));
}
