import { ApiError } from '../../api/client.ts';
import { listOutbox, markConflict, removeItem, updateItem } from './outbox.ts';
import type { FieldConflict, QueuedEdit, StoredOutboxItem, StoredScreening } from './outbox.types.ts';
import { isNetworkFailure, SyncConflictError, type ScreeningTransport } from './transport.ts';

export interface SyncReport {
  /** Items the server now has (and the device no longer keeps). */
  sent: number;
  conflicts: number;
  failed: number;
  /** Why the run stopped early: no connection, or the session ended (sign in again, then it goes on). */
  stopped: 'offline' | 'signed_out' | null;
  /** Screenings the server stored or changed in this run. */
  screenings: StoredScreening[];
}

class StopSync extends Error {
  constructor(readonly reason: 'offline' | 'signed_out') {
    super(reason);
  }
}

/**
 * Sends the owner's waiting items in the order they were saved. New screenings go with their clientId
 * (sending one twice stores it once); edits with the revision they were based on. An edit refused as a
 * conflict keeps its place and holds back later edits of the same screening until the user chooses.
 */
export async function syncOutbox(ownerId: string, transport: ScreeningTransport): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, conflicts: 0, failed: 0, stopped: null, screenings: [] };
  const heldBack = new Set<string>();
  for (const item of await listOutbox(ownerId)) {
    const screeningKey = item.kind === 'edit' ? item.screeningId : item.body.clientId;
    if (item.state !== 'waiting' || heldBack.has(screeningKey)) {
      if (item.state === 'conflict') report.conflicts += 1;
      if (item.state === 'failed') report.failed += 1;
      heldBack.add(screeningKey);
      continue;
    }
    try {
      const outcome = await sendItem(item, transport);
      if (outcome === 'conflict') {
        report.conflicts += 1;
        heldBack.add(screeningKey);
      } else {
        report.sent += 1;
        if (outcome) report.screenings.push(outcome);
      }
    } catch (error) {
      if (error instanceof StopSync) return { ...report, stopped: error.reason };
      const code = error instanceof ApiError ? error.code : 'internal_error';
      await updateItem({ ...item, state: 'failed', error: code });
      report.failed += 1;
      heldBack.add(screeningKey);
    }
  }
  return report;
}

type Outcome = StoredScreening | null | 'conflict';

async function sendItem(item: StoredOutboxItem, transport: ScreeningTransport): Promise<Outcome> {
  const stored = await guarded(() =>
    item.kind === 'create'
      ? transport.create(item.body)
      : sendEdit(item as QueuedEdit & { seq: number }, transport),
  );
  if (stored !== 'conflict') await removeItem(item.seq);
  return stored;
}

/** Network trouble and an ended session stop the run; the item stays as it was. */
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isNetworkFailure(error)) throw new StopSync('offline');
    if (error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'csrf_failed')) {
      throw new StopSync('signed_out');
    }
    throw error;
  }
}

/** At most this many rounds when the server keeps moving while only equal values conflict. */
const MAX_ROUNDS = 3;

async function sendEdit(
  item: QueuedEdit & { seq: number },
  transport: ScreeningTransport,
): Promise<StoredScreening | null | 'conflict'> {
  let { baseRevision, changes } = item;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    try {
      return await transport.update(item.screeningId, baseRevision, changes);
    } catch (error) {
      if (!(error instanceof SyncConflictError)) throw error;
      // Read the screening as it is now: its revision is what the choice is sent against, and its
      // values are what the user must see (the 409 may already be out of date).
      const current = await transport.get(item.screeningId);
      const conflicts = error.conflicts
        .map((conflict) => ({ ...conflict, theirs: fieldValue(current, conflict.field, conflict.theirs) }))
        // The same value on both sides (our own earlier send whose answer was lost): nothing to choose.
        .filter((conflict) => !sameValue(conflict.yours, conflict.theirs));
      const settled = new Set(
        error.conflicts.map((c) => c.field).filter((f) => !conflicts.some((c) => c.field === f)),
      );
      changes = Object.fromEntries(Object.entries(changes).filter(([field]) => !settled.has(field)));
      baseRevision = current.revision;
      if (conflicts.length > 0) {
        await markConflict(item, conflicts, current.revision, changes);
        return 'conflict';
      }
      if (Object.keys(changes).length === 0) return current;
    }
  }
  throw new ApiError(409, 'sync_conflict');
}

/** A field of the screening as the server holds it; `answers.<indicatorId>` reads inside answers. */
export function fieldValue(screening: StoredScreening, field: string, fallback: unknown): unknown {
  if (field.startsWith('answers.')) {
    const answers = screening.answers as Record<string, unknown> | undefined;
    const id = field.slice('answers.'.length);
    return answers && id in answers ? answers[id] : answers ? null : fallback;
  }
  return field in screening ? screening[field] : fallback;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export type { FieldConflict };
