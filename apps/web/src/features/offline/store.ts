import { listOutbox, onOutboxChange } from './outbox.ts';
import type { StoredOutboxItem, StoredScreening } from './outbox.types.ts';
import { syncOutbox, type SyncReport } from './sync.ts';
import { forgetCsrfToken, httpTransport, type ScreeningTransport } from './transport.ts';

/** What the header indicator and the Sync page show. */
export interface OfflineSnapshot {
  online: boolean;
  syncing: boolean;
  ownerId: string | null;
  items: readonly StoredOutboxItem[];
  lastReport: SyncReport | null;
}

let snapshot: OfflineSnapshot = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  ownerId: null,
  items: [],
  lastReport: null,
};
const listeners = new Set<() => void>();
let transport: ScreeningTransport = httpTransport();
const syncedListeners = new Set<(screenings: StoredScreening[]) => void>();

function set(next: Partial<OfflineSnapshot>): void {
  snapshot = { ...snapshot, ...next };
  listeners.forEach((listener) => listener());
}

export const offlineStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): OfflineSnapshot => snapshot,
};

export function currentOwner(): string | null {
  return snapshot.ownerId;
}

/** Whether the browser believes it has a connection (it can be wrong only in the hopeful direction). */
export function isOnline(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

export async function reloadItems(): Promise<void> {
  const owner = snapshot.ownerId;
  set({ items: owner ? await listOutbox(owner) : [] });
}

/** Heard after a run that stored or changed screenings: lists showing them reload. */
export function onSynced(listener: (screenings: StoredScreening[]) => void): () => void {
  syncedListeners.add(listener);
  return () => syncedListeners.delete(listener);
}

let running: Promise<SyncReport | null> | null = null;
let again = false;

/**
 * Sends what waits, once at a time in this tab and (through a Web Lock, where the browser has them)
 * across tabs, so that two tabs never send the same edit at once.
 */
export function syncNow(): Promise<SyncReport | null> {
  const owner = snapshot.ownerId;
  if (!owner || !isOnline()) return Promise.resolve(null);
  // Something was queued while a run was under way: one more run after it.
  if (running) {
    again = true;
    return running;
  }
  running = withLock(async () => {
    set({ syncing: true });
    try {
      const report = await syncOutbox(owner, transport);
      set({ lastReport: report });
      if (report.screenings.length > 0) syncedListeners.forEach((listener) => listener(report.screenings));
      return report;
    } finally {
      await reloadItems();
      set({ syncing: false });
    }
  }).finally(() => {
    running = null;
    if (again) {
      again = false;
      void syncNow();
    }
  });
  return running;
}

async function withLock<T>(run: () => Promise<T>): Promise<T | null> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return run();
  return locks.request('veza-outbox-sync', { ifAvailable: true }, async (lock) => (lock ? run() : null));
}

/** How often waiting items are tried again while the browser says it is online (a flaky link). */
const RETRY_MS = 30_000;

/**
 * Starts the outbox for the signed-in user: loads their items, sends what waits now and whenever the
 * connection comes back. Returns the function that stops it (sign-out, another user).
 */
export function startOutbox(ownerId: string, options: { transport?: ScreeningTransport } = {}): () => void {
  if (options.transport) transport = options.transport;
  set({ ownerId, online: isOnline(), items: [], lastReport: null });
  const stopListening = onOutboxChange(() => void reloadItems());
  const wentOnline = () => {
    set({ online: true });
    void syncNow();
  };
  const wentOffline = () => set({ online: false });
  window.addEventListener('online', wentOnline);
  window.addEventListener('offline', wentOffline);
  const retry = window.setInterval(() => {
    if (snapshot.items.some((item) => item.state === 'waiting')) void syncNow();
  }, RETRY_MS);
  void reloadItems().then(() => syncNow());
  return () => {
    stopListening();
    window.removeEventListener('online', wentOnline);
    window.removeEventListener('offline', wentOffline);
    window.clearInterval(retry);
    forgetCsrfToken();
    set({ ownerId: null, items: [], lastReport: null });
  };
}

/** Counts for the indicator. */
export function countItems(items: readonly StoredOutboxItem[]) {
  return {
    waiting: items.filter((item) => item.state === 'waiting').length,
    conflicts: items.filter((item) => item.state === 'conflict').length,
    failed: items.filter((item) => item.state === 'failed').length,
  };
}
