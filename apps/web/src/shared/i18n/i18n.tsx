import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { MessageKey } from './zh-CN';
import { isMessageKey, Locale, localTitle, translate, Vars } from './translate';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, vars?: Vars): string;
  /** A key made at run time (a state, role or action name), or the fallback. */
  tk(prefix: string, name: string, fallback?: string): string;
  title(serverTitle: string): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'firstset.locale';

function initialLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      tk: (prefix, name, fallback) => {
        const key = `${prefix}.${name}`;
        return isMessageKey(key) ? translate(locale, key) : (fallback ?? name);
      },
      title: (serverTitle) => localTitle(locale, serverTitle),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The UI's language where the provider may be missing (antd renders some parts, e.g. icons, in roots of their own). */
export function useLocaleOrNull(): Locale | null {
  return useContext(I18nContext)?.locale ?? null;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
