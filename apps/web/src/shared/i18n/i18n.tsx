import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useReducer, useState } from 'react';
import { MessageKey } from './zh-CN';
import { DICTIONARIES, isMessageKey, loadLocale, Locale, localTitle, translate, Vars } from './translate';

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

/** The language the user chose last in this browser (main.tsx loads its words before the first render). */
export function storedLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  // English is fetched on first use (translate.ts); until it arrives the words are Chinese.
  const [loaded, wordsArrived] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!DICTIONARIES[locale]) void loadLocale(locale).then(wordsArrived);
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    void loadLocale(l).then(() => {
      document.documentElement.lang = l;
      setLocaleState(l);
    });
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
    // `loaded` renews the functions when a dictionary arrives, so that the pages render again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locale, setLocale, loaded],
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
