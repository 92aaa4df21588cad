import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setAccessToken, unwrap, whenUnauthorized } from '../api/client';
import type { Actor, LoginResult, PendingStep } from '../api/views';

interface Session {
  actor: Actor | null;
  /** What the account must do before anything else (a new password, a second factor). */
  pending: PendingStep[];
  signIn(username: string, password: string, totpCode?: string): Promise<LoginResult>;
  /** A new session the server issued (after a password change or enrolling a second factor). */
  adopt(result: LoginResult): void;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);
const STORAGE_KEY = 'firstset.session';

function restore(): LoginResult | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as (LoginResult & { expiresAt: number }) | null;
    if (!saved || saved.expiresAt < Date.now()) return null;
    setAccessToken(saved.accessToken);
    return saved;
  } catch {
    return null;
  }
}

/** The signed-in actor; the token lives for this browser tab only (sessionStorage). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<{ actor: Actor | null; pending: PendingStep[] }>(() => {
    const saved = restore();
    return { actor: saved?.actor ?? null, pending: saved?.pending ?? [] };
  });
  const forget = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setAccessToken(null);
    setSession({ actor: null, pending: [] });
  }, []);
  const adopt = useCallback((result: LoginResult) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...result, expiresAt: Date.now() + result.expiresIn * 1000 }));
    setAccessToken(result.accessToken);
    setSession({ actor: result.actor, pending: result.pending ?? [] });
  }, []);
  // The server revokes the token (on every device), then the tab forgets it; a failed call must not
  // keep the user signed in here.
  const signOut = useCallback(() => {
    void api.POST('/api/auth/logout').catch(() => undefined).finally(forget);
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
