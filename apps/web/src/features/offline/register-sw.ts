import { watchPendingSignOut } from './pending-sign-out.ts';

export { finishPendingSignOut } from './pending-sign-out.ts';

/**
 * Installs /sw.js (built by sw-build.ts) so that the app shell and the indicator library stay on the
 * device. Only in the built app: the Vite dev server has no sw.js, and a worker there would serve
 * stale modules. A failure (private mode, an old browser) leaves the app working online as before.
 */
export function registerServiceWorker(): void {
  watchPendingSignOut();
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
