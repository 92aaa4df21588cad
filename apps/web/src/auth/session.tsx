import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setAccessToken, unwrap, whenUnauthorized } from '../api/client';
import type { Actor, LoginResult } from '../api/views';

interface Session {
  actor: Actor | null;
  signIn(username: string, password: string): Promise<Actor>;
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
  const [actor, setActor] = useState<Actor | null>(() => restore()?.actor ?? null);
  const forget = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setAccessToken(null);
    setActor(null);
  }, []);
  // The server revokes the token (on every device), then the tab forgets it; a failed call must not
  // keep the user signed in here.
  const signOut = useCallback(() => {
    void api.POST('/api/auth/logout').catch(() => undefined).finally(forget);
  }, [forget]);
  useEffect(() => whenUnauthorized(forget), [forget]);
  const signIn = useCallback(async (username: string, password: string) => {
    const result = await unwrap<LoginResult>(api.POST('/api/auth/login', { body: { username, password } }));
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...result, expiresAt: Date.now() + result.expiresIn * 1000 }));
    setAccessToken(result.accessToken);
    setActor(result.actor);
    return result.actor;
  }, []);
  const value = useMemo(() => ({ actor, signIn, signOut }), [actor, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
