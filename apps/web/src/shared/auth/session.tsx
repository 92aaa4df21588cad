import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api, setAccessToken, unwrap, whenUnauthorized } from '../api/client';
import type { Actor, LoginResult, PendingStep } from '../api/views';

interface Session {
  actor: Actor | null;
  /** What the account must do before anything else (a new password, a second factor). */
  pending: PendingStep[];
  signIn(username: string, password: string, totpCode?: string): Promise<LoginResult>;
  /** A new session the server issued (after a password change or enrolling a second factor). */
  adopt(result: LoginResult): void;
  /** Ends the session on the server and in every tab of the browser. */
  signOut(): Promise<void>;
}

type Saved = LoginResult & { expiresAt: number };

const SessionContext = createContext<Session | null>(null);
/** The browser's one session, shared by its tabs (localStorage, whose `storage` event tells the others). */
export const SESSION_KEY = 'firstset.session';

function read(raw: string | null): Saved | null {
  try {
    const saved = JSON.parse(raw ?? 'null') as Saved | null;
    return saved && saved.expiresAt > Date.now() ? saved : null;
  } catch {
    return null;
  }
}

function stateOf(saved: Saved | null): { actor: Actor | null; pending: PendingStep[] } {
  setAccessToken(saved?.accessToken ?? null);
  return { actor: saved?.actor ?? null, pending: saved?.pending ?? [] };
}

/**
 * The signed-in actor, the same in every tab of the browser: a case opened in a new tab is signed
 * in, signing in or out in one tab does so in all. Another user's cached data never outlives a
 * change of actor: the query cache is emptied with it.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [session, setSession] = useState(() => stateOf(read(localStorage.getItem(SESSION_KEY))));
  const shown = useRef(session.actor?.userId);
  const show = useCallback(
    (saved: Saved | null) => {
      const next = stateOf(saved);
      if (shown.current !== next.actor?.userId) queries.clear();
      shown.current = next.actor?.userId;
      setSession(next);
    },
    [queries],
  );
  const forget = useCallback(() => {
    localStorage.removeItem(SESSION_KEY);
    show(null);
  }, [show]);
  const adopt = useCallback(
    (result: LoginResult) => {
      const saved = { ...result, expiresAt: Date.now() + result.expiresIn * 1000 };
      localStorage.setItem(SESSION_KEY, JSON.stringify(saved));
      show(saved);
    },
    [show],
  );
  // Another tab signed in, out, or was issued a new token.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === SESSION_KEY || e.key === null) show(read(e.newValue));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [show]);
  // The server revokes the token (on every device), then the browser forgets it; a failed call must
  // not keep the user signed in here.
  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    forget();
  }, [forget]);
  useEffect(() => whenUnauthorized(forget), [forget]);
  const signIn = useCallback(
    async (username: string, password: string, totpCode?: string) => {
      const result = await unwrap<LoginResult>(api.POST('/api/auth/login', { body: { username, password, ...(totpCode ? { totpCode } : {}) } }));
      adopt(result);
      return result;
    },
    [adopt],
  );
  const value = useMemo(() => ({ actor: session.actor, pending: session.pending, signIn, adopt, signOut }), [session, signIn, adopt, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
