import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMe } from '../auth/session.tsx';
import { offlineStore, onSynced, startOutbox, type OfflineSnapshot } from './store.ts';

/** The connection, the outbox of the signed-in user and whether a sync runs, kept up to date. */
export function useOffline(): OfflineSnapshot {
  return useSyncExternalStore(offlineStore.subscribe, offlineStore.getSnapshot);
}

/**
 * Runs the outbox while the user is signed in (mounted once, by the header indicator): sends what
 * waits on start and when the connection returns, and reloads screening lists after a sync. It also
 * asks for the indicator library once, so that the service worker has it before the user goes out.
 */
export function useOutboxRunner(): void {
  const me = useMe();
  const queryClient = useQueryClient();
  const screens = me.capabilities.includes('screening.assess');
  // In render, not in an effect: the page below the header builds its queries in this same render.
  askEvenWhenOffline(queryClient);

  useEffect(() => startOutbox(me.id), [me.id]);

  useEffect(
    () =>
      onSynced(() => {
        void queryClient.invalidateQueries({
          predicate: (query) => String(query.queryKey[0]).startsWith('screening'),
        });
      }),
    [queryClient],
  );

  useEffect(() => {
    if (!screens) return;
    return whenServedByWorker(() => {
      // Through the service worker, which keeps this one answer for offline use.
      if (navigator.onLine)
        void fetch('/api/instruments', { credentials: 'same-origin' }).catch(() => undefined);
    });
  }, [screens]);
}

/** Runs `then` once the service worker controls this page (at once when it already does). */
function whenServedByWorker(then: () => void): () => void {
  const workers = navigator.serviceWorker;
  if (!workers) return () => {};
  if (workers.controller) {
    then();
    return () => {};
  }
  const taken = () => then();
  workers.addEventListener('controllerchange', taken, { once: true });
  return () => workers.removeEventListener('controllerchange', taken);
}

/**
 * TanStack Query holds back every query and mutation while the browser says it is offline ("online"
 * network mode). Here the service worker answers some requests (the indicator library, the
 * assessment) and the outbox takes the saves, so they must be tried: "offlineFirst" tries once and
 * only then waits for the connection.
 */
function askEvenWhenOffline(queryClient: QueryClient): void {
  const defaults = queryClient.getDefaultOptions();
  if (
    defaults.queries?.networkMode === 'offlineFirst' &&
    defaults.mutations?.networkMode === 'offlineFirst'
  ) {
    return;
  }
  queryClient.setDefaultOptions({
    ...defaults,
    queries: { ...defaults.queries, networkMode: 'offlineFirst' },
    mutations: { ...defaults.mutations, networkMode: 'offlineFirst' },
  });
}
