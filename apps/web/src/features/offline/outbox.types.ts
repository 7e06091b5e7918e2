/**
 * What the device keeps while it cannot reach the server: new screenings (sent with the clientId the
 * device made, so sending twice stores once) and edits of stored screenings (the revision they were
 * based on and only the fields that changed).
 */

/** The body of POST /api/screenings as the screening form builds it; the device only needs clientId. */
export interface ScreeningDraft {
  clientId: string;
  [field: string]: unknown;
}

/** Fields of PUT /api/screenings/:id `changes`: `place`, `narrative`, `answers.<indicatorId>` ... */
export type ScreeningChanges = Record<string, unknown>;

/** What the server answers for a screening; the outbox needs only these. */
export interface StoredScreening {
  id: string;
  clientId?: string;
  reference?: string;
  revision: number;
  [field: string]: unknown;
}

/** One field changed here and, meanwhile, on the server. */
export interface FieldConflict {
  field: string;
  /** The value this device wants. */
  yours: unknown;
  /** The value the server holds now. */
  theirs: unknown;
}

/**
 * waiting: to be sent; conflict: the server refused an edit until the user chooses per field;
 * failed: the server refused it for another reason (the code says which); the user decides.
 */
export type OutboxState = 'waiting' | 'conflict' | 'failed';

interface OutboxEntry {
  /** Order of arrival (IndexedDB key): items are sent in this order. */
  seq?: number;
  /** The signed-in user who saved it: only they send it or see it. */
  ownerId: string;
  queuedAt: string;
  state: OutboxState;
  /** The server's error code when state is `failed`. */
  error?: string;
}

export interface QueuedScreening extends OutboxEntry {
  kind: 'create';
  body: ScreeningDraft;
}

export interface QueuedEdit extends OutboxEntry {
  kind: 'edit';
  screeningId: string;
  reference?: string;
  baseRevision: number;
  changes: ScreeningChanges;
  /** Set when state is `conflict`: the fields to choose, and the revision to send the choice against. */
  conflicts?: FieldConflict[];
  serverRevision?: number;
}

export type OutboxItem = QueuedScreening | QueuedEdit;

export type StoredOutboxItem = OutboxItem & { seq: number };
