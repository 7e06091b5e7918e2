import type { AssessmentRequest, Instrument } from '@veza/shared';
import { assessOffline } from './offline-assessment.ts';
import { ACTIVATE_MESSAGE } from './sw-messages.ts';

/**
 * Veza's service worker, hand-written (see README.md in this folder for why not Workbox). It keeps
 * the app shell (every file of the build, listed at build time by sw-build.ts) and the indicator
 * library (GET /api/instruments) so that the screening form opens without a network after one online
 * visit, and assesses answers with the server's own rules while there is no network. No other API
 * answer is ever stored here: they hold personal data.
 *
 * Built on its own, as one classic script (/sw.js), by sw-build.ts.
 */

// The parts of the service worker global scope used here (the project compiles against the DOM lib).
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  __VEZA_PRECACHE__: string[];
  __VEZA_VERSION__: string;
  location: Location;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as ServiceWorkerScope;
// Replaced by the build (sw-build.ts) with the list of files and a hash of them.
const PRECACHE: string[] = scope.__VEZA_PRECACHE__;
const VERSION: string = scope.__VEZA_VERSION__;

const SHELL = `veza-shell-${VERSION}`;
const INSTRUMENTS = 'veza-instruments';
const INSTRUMENTS_PATH = '/api/instruments';
const ASSESS_PATH = '/api/screenings/assess';
/** A connection that says it is up but answers nothing (a weak signal at a border crossing). */
const NETWORK_TIMEOUT_MS = 4000;

scope.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)));
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith('veza-shell-') && name !== SHELL).map((n) => caches.delete(n)),
      );
      // The page that installed us is served by us from now on, so it keeps working offline.
      await scope.clients.claim();
    })(),
  );
});

/**
 * A new version waits (no skipWaiting on install): taking over a page that runs the old code could
 * break it halfway through a form. The page asks for the switch when the user chose to reload
 * (register-sw.ts, "new version" notice).
 */
scope.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === ACTIVATE_MESSAGE) void scope.skipWaiting();
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.method === 'POST' && url.pathname === ASSESS_PATH) {
    event.respondWith(assessWithoutNetwork(request));
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname === INSTRUMENTS_PATH) {
    event.respondWith(networkFirst(request, INSTRUMENTS));
    return;
  }
  // Everything else under /api goes to the network untouched and is never stored.
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(appShell(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});

/** Pages: the server's index.html when it answers, the stored one otherwise (the router does the rest). */
async function appShell(request: Request): Promise<Response> {
  try {
    const response = await withTimeout(fetch(request));
    if (response.ok) return response;
    return (await caches.match('/index.html', { cacheName: SHELL })) ?? response;
  } catch {
    const stored = await caches.match('/index.html', { cacheName: SHELL });
    if (stored) return stored;
    throw new Error('offline and no stored app shell');
  }
}

/** Fresh from the server when possible (a coordinator may have published a version), else the last copy. */
async function networkFirst(request: Request, cacheName: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await withTimeout(fetch(request));
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    const stored = await cache.match(request, { ignoreVary: true });
    if (stored) return stored;
    throw new Error('offline and no stored copy');
  }
}

/**
 * The assessment asks the server when it can; without a network, the same rules run here on the
 * stored indicator library. The result is only shown: the server assesses again when it stores the
 * screening (the device never sends an outcome).
 */
async function assessWithoutNetwork(request: Request): Promise<Response> {
  const body = request.clone();
  try {
    return await withTimeout(fetch(request));
  } catch {
    const input = (await body.json()) as AssessmentRequest;
    const result = assessOffline(input, await storedInstruments());
    if (result.ok) return json(200, result.assessment);
    if (result.code === 'not_found' && (await storedInstruments()).length === 0) {
      return json(503, { code: 'network_error', status: 503 });
    }
    return json(400, {
      code: 'validation_failed',
      status: 400,
      errors: [{ path: result.path, code: result.code, message: result.code }],
    });
  }
}

/** Every instrument version the device keeps (the latest list and, when fetched, all versions). */
async function storedInstruments(): Promise<Instrument[]> {
  const cache = await caches.open(INSTRUMENTS);
  const answers = await cache.matchAll(INSTRUMENTS_PATH, { ignoreSearch: true, ignoreVary: true });
  const lists = await Promise.all(answers.map((answer) => answer.json() as Promise<Instrument[]>));
  return lists.flat();
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/** Built files have their content hash in their name: a stored copy is always right. */
async function cacheFirst(request: Request): Promise<Response> {
  const stored = await caches.match(request);
  return stored ?? fetch(request);
}

function withTimeout(response: Promise<Response>): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), NETWORK_TIMEOUT_MS);
    response.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
