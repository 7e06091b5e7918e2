import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginResponse, Me } from '@veza/shared';
import { isApiError, onSessionProblem, setCsrfToken } from '../../api/client.ts';
import { applyLocale } from '../../i18n/i18n.ts';
import { notifyFailedSignIns } from '../../ui/notify.ts';
import { authApi, type SessionState } from './auth.api.ts';
import { deviceSession, forgetDeviceSession, rememberDeviceSession } from './device-session.ts';

export type SignedOutNotice = 'session_ended' | 'signed_out' | null;

export type Session =
  { status: 'loading' } | { status: 'signedOut'; notice: SignedOutNotice } | { status: 'signedIn'; me: Me };

interface SessionContextValue {
  session: Session;
  /** After a successful login answer. */
  signedIn: (state: SessionState | LoginResponse) => Promise<void>;
  /** After an answer that carries the updated user (language, two-factor). */
  updateMe: (me: Me) => void;
  /** Reloads the session state from the server (after a password change, for example). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  /** The server already ended the session (logout-all, expiry): forget it here. */
  forget: (notice: SignedOutNotice) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const forget = useCallback(
    (notice: SignedOutNotice) => {
      setCsrfToken(null);
      forgetDeviceSession();
      queryClient.clear();
      setSession({ status: 'signedOut', notice });
    },
    [queryClient],
  );

  const signedIn = useCallback(async (state: SessionState | LoginResponse) => {
    setCsrfToken(state.csrfToken);
    // The language the user chose last time, wherever that was, follows them.
    await applyLocale(state.user.language);
    if ('failedSignIns' in state && state.failedSignIns) notifyFailedSignIns(state.failedSignIns);
    rememberDeviceSession(state.user);
    setSession({ status: 'signedIn', me: state.user });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const state = await authApi.session();
      setCsrfToken(state.csrfToken);
      rememberDeviceSession(state.user);
      setSession({ status: 'signedIn', me: state.user });
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) forget('session_ended');
      else throw error;
    }
  }, [forget]);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      forget('signed_out');
    }
  }, [forget]);

  const updateMe = useCallback((me: Me) => {
    rememberDeviceSession(me);
    setSession({ status: 'signedIn', me });
  }, []);

  useEffect(() => {
    let cancelled = false;
    authApi
      .session()
      .then((state) => {
        if (!cancelled) return signedIn(state);
      })
      .catch(async (error: unknown) => {
        if (cancelled) return;
        // Started without a connection (the installed app in the field): carry on as the user this
        // device last saw, so the screening form works; the server decides again once online.
        const known = isApiError(error, 'network_error') ? deviceSession() : null;
        if (!known) {
          if (isApiError(error, 'unauthenticated')) forgetDeviceSession();
          setSession({ status: 'signedOut', notice: null });
          return;
        }
        await applyLocale(known.language);
        if (!cancelled) setSession({ status: 'signedIn', me: known });
      });
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  // Back online after an offline start: the server confirms the session, or ends it.
  useEffect(() => {
    const confirm = () => void refresh().catch(() => undefined);
    window.addEventListener('online', confirm);
    return () => window.removeEventListener('online', confirm);
  }, [refresh]);

  useEffect(() => {
    onSessionProblem((reason) => {
      if (reason === 'ended') forget('session_ended');
      else void refresh().catch(() => undefined);
    });
    return () => onSessionProblem(null);
  }, [forget, refresh]);

  const value = useMemo(
    () => ({ session, signedIn, updateMe, refresh, signOut, forget }),
    [session, signedIn, updateMe, refresh, signOut, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for screens rendered behind sign-in. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.status !== 'signedIn') throw new Error('useMe while signed out');
  return session.me;
}

export function useCan() {
  const me = useMe();
  return useCallback((action: Me['capabilities'][number]) => me.capabilities.includes(action), [me]);
}
