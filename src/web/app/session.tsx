import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from '../lib/api';
import { ApiError } from '../lib/problem';
import type { Me } from '../lib/types';

/** The signed-in actor (`undefined` while the first probe runs, `null` when signed out). */
interface SessionValue {
  me: Me | null | undefined;
  /** Error from the first probe when it failed for a reason other than 401. */
  probeError: unknown;
  /** True after the user signed out on purpose (so the login page does not offer to return to the last page). */
  signedOutByUser: boolean;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Loads `/api/auth/me` once and keeps the session (and its CSRF token) for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [probeError, setProbeError] = useState<unknown>(null);
  const [signedOutByUser, setSignedOutByUser] = useState(false);

  const signedIn = useCallback((next: Me) => {
    setCsrfToken(next.csrfToken);
    setSignedOutByUser(false);
    setMe(next);
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await api.me());
      setProbeError(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) clear();
      else {
        setProbeError(err);
        setMe(null);
      }
    }
  }, [signedIn, clear]);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setSignedOutByUser(true);
      clear();
    }
  }, [clear]);

  useEffect(() => {
    void refresh();
    setUnauthorizedHandler(clear);
    return () => setUnauthorizedHandler(null);
  }, [refresh, clear]);

  const value = useMemo(
    () => ({ me, probeError, signedOutByUser, signedIn, signOut, refresh }),
    [me, probeError, signedOutByUser, signedIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; throws outside SessionProvider. */
export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in actor; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
