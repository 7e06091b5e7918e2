import { ApiError } from '../../api/client.ts';
import { listOutbox, queueEdit, queueScreening } from './outbox.ts';
import type { FieldConflict, ScreeningChanges, ScreeningDraft, StoredScreening } from './outbox.types.ts';
import { currentOwner, isOnline, syncNow } from './store.ts';
import { isNetworkFailure, SyncConflictError, httpTransport, type ScreeningTransport } from './transport.ts';
import { syncOutbox } from './sync.ts';

export type SubmitResult<S extends StoredScreening = StoredScreening> =
  { status: 'synced'; screening: S } | { status: 'queued' };

export type EditResult<S extends StoredScreening = StoredScreening> =
  SubmitResult<S> | { status: 'conflict'; conflicts: FieldConflict[] };

function owner(): string {
  const id = currentOwner();
  if (!id) throw new ApiError(401, 'unauthenticated');
  return id;
}

/** A clientId for a new screening: made once, on the device, when the form is first saved. */
export function newClientId(): string {
  return crypto.randomUUID();
}

/**
 * Saves a screening: sent at once when there is a connection, kept in the outbox when there is none
 * or the network fails on the way (sent later with the same clientId, so it is stored once). A refusal
 * by the server (a validation problem, no permission) is thrown as before: the form shows it.
 */
export async function submitScreening<S extends StoredScreening = StoredScreening>(
  input: ScreeningDraft,
  transport: ScreeningTransport = httpTransport(),
): Promise<SubmitResult<S>> {
  const ownerId = owner();
  if (!isOnline()) {
    await queueScreening(ownerId, input);
    return { status: 'queued' };
  }
  try {
    return { status: 'synced', screening: (await transport.create(input)) as S };
  } catch (error) {
    if (!isNetworkFailure(error)) throw error;
    await queueScreening(ownerId, input);
    return { status: 'queued' };
  }
}

/**
 * Saves changed fields of a stored screening, against the revision the form was loaded at. Offline:
 * queued. A field someone else changed meanwhile: the edit waits in the outbox as a conflict for the
 * user to choose per field on the Sync page (never overwritten silently), and the answer says so.
 */
export async function submitScreeningEdit<S extends StoredScreening = StoredScreening>(
  id: string,
  baseRevision: number,
  changes: ScreeningChanges,
  options: { reference?: string; transport?: ScreeningTransport } = {},
): Promise<EditResult<S>> {
  const ownerId = owner();
  const transport = options.transport ?? httpTransport();
  const edit = { screeningId: id, reference: options.reference, baseRevision, changes };
  if (!isOnline()) {
    await queueEdit(ownerId, edit);
    return { status: 'queued' };
  }
  try {
    return { status: 'synced', screening: (await transport.update(id, baseRevision, changes)) as S };
  } catch (error) {
    if (isNetworkFailure(error)) {
      await queueEdit(ownerId, edit);
      return { status: 'queued' };
    }
    if (!(error instanceof SyncConflictError)) throw error;
    // Queue it and let the outbox work out the fields against the screening as it is now.
    await queueEdit(ownerId, edit);
    const report = await syncOutbox(ownerId, transport);
    const waiting = (await listOutbox(ownerId)).find(
      (item) => item.kind === 'edit' && item.screeningId === id,
    );
    if (!waiting) {
      const synced = report.screenings.find((screening) => screening.id === id) as S | undefined;
      return { status: 'synced', screening: synced ?? ((await transport.get(id)) as S) };
    }
    if (waiting.kind === 'edit' && waiting.state === 'conflict') {
      return { status: 'conflict', conflicts: waiting.conflicts ?? error.conflicts };
    }
    if (waiting.state === 'failed') throw new ApiError(409, error.code);
    return { status: 'queued' };
  }
}

/** After queueing from elsewhere (a retry button): try to send now. */
export { syncNow };
