import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { finishPendingSignOut, rememberPendingSignOut } from './pending-sign-out.ts';

/** The server's side of it: one session, of one user, ended by POST /api/auth/logout with its token. */
function fakeServer(userId: string) {
  const server = { signedIn: true, reachable: true, logouts: 0 };
  const fetcher = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    if (!server.reachable) throw new TypeError('Failed to fetch');
    const path = String(input);
    if (!server.signedIn) return new Response(JSON.stringify({ code: 'unauthenticated' }), { status: 401 });
    if (path === '/api/auth/session') {
      return new Response(JSON.stringify({ csrfToken: 'csrf-1', user: { id: userId } }), { status: 200 });
    }
    const headers = init.headers as Record<string, string>;
    if (path === '/api/auth/logout' && headers['X-CSRF-Token'] === 'csrf-1') {
      server.signedIn = false;
      server.logouts += 1;
      return new Response(null, { status: 204 });
    }
    return new Response(JSON.stringify({ code: 'csrf_failed' }), { status: 403 });
  };
  return { server, fetcher };
}

const browser = { onLine: true };
let storage: Map<string, string>;

beforeEach(() => {
  storage = new Map();
  browser.onLine = true;
  vi.stubGlobal('navigator', browser);
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
    removeItem: (key: string) => storage.delete(key),
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('a sign-out made without a connection', () => {
  it('ends the session on the server once the connection is back, and only then forgets it', async () => {
    const { server, fetcher } = fakeServer('officer-1');
    rememberPendingSignOut('officer-1');

    server.reachable = false;
    await finishPendingSignOut(fetcher);
    expect(server.signedIn).toBe(true);

    server.reachable = true;
    await finishPendingSignOut(fetcher);
    expect(server).toMatchObject({ signedIn: false, logouts: 1 });
    await finishPendingSignOut(fetcher);
    expect(server.logouts).toBe(1);
  });

  it('leaves alone a session of someone who signed in since', async () => {
    const { server, fetcher } = fakeServer('officer-2');
    rememberPendingSignOut('officer-1');
    await finishPendingSignOut(fetcher);
    expect(server).toMatchObject({ signedIn: true, logouts: 0 });
  });
});
