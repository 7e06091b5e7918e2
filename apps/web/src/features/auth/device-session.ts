import type { Me } from '@veza/shared';

/**
 * The signed-in user as this device last heard from the server, so that the installed app opened in
 * the field without a connection can still offer the screening form (features/offline): without it,
 * the session check fails and the officer sees the sign-in page, which cannot work offline either.
 * It is the user's own profile, never anyone else's data; it is forgotten on sign-out and as soon as
 * the server says the session has ended. The server still checks the session cookie on every request,
 * so nothing can be read or sent with it: it only decides what the device shows while offline.
 */
const KEY = 'veza.deviceSession';

export function rememberDeviceSession(me: Me): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(me));
  } catch {
    // Storage refused (private browsing): the app then needs a connection to start.
  }
}

export function deviceSession(): Me | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Me) : null;
  } catch {
    return null;
  }
}

export function forgetDeviceSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
