import { addItem, deleteItem, deleteOwnerItems, putItem, readItem, readItems } from './outbox.db.ts';
import type {
  FieldConflict,
  QueuedEdit,
  QueuedScreening,
  ScreeningChanges,
  ScreeningDraft,
  StoredOutboxItem,
} from './outbox.types.ts';

/**
 * The outbox: personal data on the device, kept only while the server does not have it. Every write
 * tells the other tabs of this browser (BroadcastChannel) and this tab's listeners.
 */

type Listener = () => void;
const listeners = new Set<Listener>();
const CHANNEL = 'veza-outbox';
let channel: BroadcastChannel | null = null;

function broadcastChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listeners.forEach((listener) => listener());
  return channel;
}

/** Called after any change of the outbox, in this tab or another. */
export function onOutboxChange(listener: Listener): () => void {
  broadcastChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  listeners.forEach((listener) => listener());
  broadcastChannel()?.postMessage('changed');
}

export function listOutbox(ownerId: string): Promise<StoredOutboxItem[]> {
  return readItems(ownerId);
}

export async function queueScreening(ownerId: string, body: ScreeningDraft): Promise<void> {
  const existing = (await readItems(ownerId)).find(
    (item): item is QueuedScreening & { seq: number } =>
      item.kind === 'create' && item.body.clientId === body.clientId,
  );
  // Saving the same screening again while it waits replaces what waits: the clientId stays.
  if (existing) await putItem({ ...existing, body, state: 'waiting', error: undefined });
  else await addItem({ kind: 'create', ownerId, body, queuedAt: new Date().toISOString(), state: 'waiting' });
  changed();
}

/**
 * Queues an edit. An edit of a screening that itself still waits (known here by its clientId) goes
 * into that screening's body; a second edit of the same stored screening joins the first one, which
 * keeps the revision both were based on.
 */
export async function queueEdit(
  ownerId: string,
  edit: { screeningId: string; reference?: string; baseRevision: number; changes: ScreeningChanges },
): Promise<void> {
  const items = await readItems(ownerId);
  const waitingCreate = items.find(
    (item) => item.kind === 'create' && item.body.clientId === edit.screeningId,
  );
  if (waitingCreate && waitingCreate.kind === 'create') {
    await putItem({ ...waitingCreate, body: applyChanges(waitingCreate.body, edit.changes) });
    changed();
    return;
  }
  const earlier = items.find(
    (item): item is QueuedEdit & { seq: number } =>
      item.kind === 'edit' && item.screeningId === edit.screeningId,
  );
  if (earlier) {
    await putItem({ ...earlier, changes: { ...earlier.changes, ...edit.changes } });
  } else {
    await addItem({
      kind: 'edit',
      ownerId,
      screeningId: edit.screeningId,
      reference: edit.reference,
      baseRevision: edit.baseRevision,
      changes: edit.changes,
      queuedAt: new Date().toISOString(),
      state: 'waiting',
    });
  }
  changed();
}

/** `answers.<indicatorId>` changes land inside `answers`; other fields replace the field. */
export function applyChanges(body: ScreeningDraft, changes: ScreeningChanges): ScreeningDraft {
  const next: ScreeningDraft = { ...body };
  for (const [field, value] of Object.entries(changes)) {
    if (field.startsWith('answers.')) {
      const answers = { ...((next.answers as Record<string, unknown> | undefined) ?? {}) };
      answers[field.slice('answers.'.length)] = value;
      next.answers = answers;
    } else {
      next[field] = value;
    }
  }
  return next;
}

/** The server has it: forget it on this device. */
export async function removeItem(seq: number): Promise<void> {
  await deleteItem(seq);
  changed();
}

export async function updateItem(item: StoredOutboxItem): Promise<void> {
  await putItem(item);
  changed();
}

export async function markConflict(
  item: QueuedEdit & { seq: number },
  conflicts: FieldConflict[],
  serverRevision: number,
  changes: ScreeningChanges = item.changes,
): Promise<void> {
  await updateItem({ ...item, changes, state: 'conflict', conflicts, serverRevision });
}

export type ConflictChoice = 'device' | 'server';

/**
 * The user's choice per field: fields kept "on the server" leave the edit, the others are sent again
 * against the revision the conflict was found at. Nothing left to send: the item is done.
 */
export async function resolveConflict(
  seq: number,
  choices: Record<string, ConflictChoice>,
): Promise<'resend' | 'done'> {
  const item = await readItem(seq);
  if (!item || item.kind !== 'edit' || item.state !== 'conflict' || item.serverRevision === undefined) {
    throw new Error('No conflict to resolve');
  }
  const changes = Object.fromEntries(
    Object.entries(item.changes).filter(([field]) => choices[field] !== 'server'),
  );
  if (Object.keys(changes).length === 0) {
    await removeItem(seq);
    return 'done';
  }
  await updateItem({
    ...item,
    changes,
    baseRevision: item.serverRevision,
    state: 'waiting',
    conflicts: undefined,
    serverRevision: undefined,
    error: undefined,
  });
  return 'resend';
}

/** A refused item the user chose to try again (after the cause was fixed on the server, say). */
export async function retryItem(seq: number): Promise<void> {
  const item = await readItem(seq);
  if (!item) return;
  await updateItem({ ...item, state: 'waiting', error: undefined });
}

/** Sign-out: nothing of this user stays on the device. Returns how many items were deleted. */
export async function clearOutbox(ownerId: string): Promise<number> {
  const deleted = await deleteOwnerItems(ownerId);
  changed();
  return deleted;
}
