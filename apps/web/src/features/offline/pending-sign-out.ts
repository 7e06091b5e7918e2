/**
 * Sign-out without a connection: the app forgets the session at once, but the server never heard of
 * it and the session cookie (httpOnly, out of reach of scripts) stays valid. So the device remembers
 * that a sign-out is owed and ends the session on the server as soon as it can: at the next start of
 * the app, or when the connection returns. Only the user id is kept, nothing else.
 */
const KEY = 'veza.pendingSignOut';

export function rememberPendingSignOut(userId: string): void {
  try {
    localStorage.setItem(KEY, userId);
  } catch {
    // Storage refused (private mode): the server's idle time-out ends the session instead.
  }
}

function pendingUser(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function forget(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

let running: Promise<void> | null = null;

/** Ends the owed session on the server, if one is owed and the server can be reached. */
export function finishPendingSignOut(fetcher: typeof fetch = (...args) => fetch(...args)): Promise<void> {
  const userId = pendingUser();
  if (!userId || !navigator.onLine) return Promise.resolve();
  running ??= settle(userId, fetcher).finally(() => {
    running = null;
  });
  return running;
}

async function settle(userId: string, fetcher: typeof fetch): Promise<void> {
  const options = { credentials: 'same-origin' as const, signal: AbortSignal.timeout(5000) };
  try {
    const probe = await fetcher('/api/auth/session', { ...options, headers: { Accept: 'application/json' } });
    if (probe.status === 401) return forget();
    if (!probe.ok) return;
    const state = (await probe.json()) as { csrfToken?: unknown; user?: { id?: unknown } };
    // Someone else signed in meanwhile: theirs is not the session that was left.
    if (state.user?.id !== userId || typeof state.csrfToken !== 'string') return forget();
    const logout = await fetcher('/api/auth/logout', {
      ...options,
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRF-Token': state.csrfToken },
    });
    if (logout.ok || logout.status === 401) forget();
  } catch {
    // Still no way through: the next start or the next "online" tries again.
  }
}

/** Tries again whenever the browser regains a connection. */
export function watchPendingSignOut(): void {
  window.addEventListener('online', () => void finishPendingSignOut());
}
