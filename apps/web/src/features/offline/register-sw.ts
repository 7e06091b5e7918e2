import { watchPendingSignOut } from './pending-sign-out.ts';
import { ACTIVATE_MESSAGE } from './sw-messages.ts';

export { finishPendingSignOut } from './pending-sign-out.ts';

/** How often an open tab asks the server for a new build (a field officer keeps the app open for days). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Installs /sw.js (built by sw-build.ts) so that the app shell and the indicator library stay on the
 * device. Only in the built app: the Vite dev server has no sw.js, and a worker there would serve
 * stale modules. A failure (private mode, an old browser) leaves the app working online as before.
 */
export function registerServiceWorker(): void {
  watchPendingSignOut();
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((registration) =>
      watchForUpdates(registration, {
        container: navigator.serviceWorker,
        reload: () => window.location.reload(),
        whenVisible: (check) =>
          document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'visible') check();
          }),
        every: (ms, check) => window.setInterval(check, ms),
      }),
    )
    .catch(() => undefined);
}

// The parts of the service worker API used here, so that a test can stand in for the browser.
interface WorkerLike {
  readonly state: string;
  postMessage(message: unknown): void;
  addEventListener(type: 'statechange', listener: () => void): void;
}
export interface RegistrationLike {
  readonly installing: WorkerLike | null;
  readonly waiting: WorkerLike | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
  update(): Promise<unknown>;
}
export interface UpdateEnvironment {
  container: {
    readonly controller: unknown;
    addEventListener(type: 'controllerchange', listener: () => void): void;
  };
  reload(): void;
  /** Calls `check` whenever the tab becomes visible again. */
  whenVisible(check: () => void): void;
  every(ms: number, check: () => void): void;
}

/** The new version's worker, installed and waiting, and how to switch to it; null until there is one. */
let update: { activate(): void } | null = null;
const listeners = new Set<() => void>();

/** True once a new version is installed and waits for the user to reload. */
export function isUpdateReady(): boolean {
  return update !== null;
}

/**
 * Calls `listener` when a new version is ready (at once when one already is). Returns the unsubscribe.
 * Nothing reloads on its own: the user chooses when (a half-filled form would be lost).
 */
export function onUpdateReady(listener: () => void): () => void {
  listeners.add(listener);
  if (update) listener();
  return () => {
    listeners.delete(listener);
  };
}

/** Switches to the waiting version and reloads the page once it serves this tab. */
export function activateUpdate(): void {
  update?.activate();
}

/**
 * Notices a new build: a worker that reaches `installed` while this page already has a controller is
 * an update (without a controller it is the first install, which needs no reload). Also asks the
 * server for a new build when the tab becomes visible again and every hour; a failed check (offline)
 * is silent, the next one tries again.
 */
export function watchForUpdates(registration: RegistrationLike, env: UpdateEnvironment): void {
  const { container } = env;
  let switchRequested = false;
  let reloaded = false;

  const reloadOnce = () => {
    if (reloaded) return;
    reloaded = true;
    env.reload();
  };

  // Only the tab whose user chose "Reload" reloads: the worker also takes over the other tabs of the
  // app (clients.claim), and one of them may hold a half-filled form.
  container.addEventListener('controllerchange', () => {
    if (switchRequested) reloadOnce();
  });

  const found = (worker: WorkerLike) => {
    if (!container.controller) return;
    update = {
      activate() {
        if (switchRequested) return;
        switchRequested = true;
        // Another tab switched already: this one only needs the new code.
        if (worker.state !== 'installed') return reloadOnce();
        worker.postMessage({ type: ACTIVATE_MESSAGE });
      },
    };
    for (const listener of listeners) listener();
  };

  const follow = (worker: WorkerLike) => {
    if (worker.state === 'installed') return found(worker);
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') found(worker);
    });
  };

  if (registration.waiting) found(registration.waiting);
  else if (registration.installing) follow(registration.installing);
  registration.addEventListener('updatefound', () => {
    if (registration.installing) follow(registration.installing);
  });

  const check = () => {
    try {
      registration.update().catch(() => undefined);
    } catch {
      // An update check refused outright (the worker is being replaced): the next check tries again.
    }
  };
  env.whenVisible(check);
  env.every(UPDATE_CHECK_MS, check);
}
