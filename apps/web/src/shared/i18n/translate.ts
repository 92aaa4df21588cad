import { MessageKey, zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
/**
 * The dictionaries loaded so far. Chinese is the UI's first language and comes with the app;
 * English (as large again) is fetched when the UI switches to it (`loadLocale`), so that a zh-CN
 * visitor does not download it (ADR 0032).
 */
export const DICTIONARIES: Partial<Record<Locale, Record<MessageKey, string>>> = { 'zh-CN': zhCN };

/** Makes a locale's words available to `translate`; resolves at once when they are. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (DICTIONARIES[locale]) return;
  DICTIONARIES.en = (await import('./en')).en;
}

export type Vars = Record<string, string | number>;

/** `{name}` placeholders filled from vars; an unknown placeholder stays visible, never blank. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = DICTIONARIES[locale]?.[key] ?? zhCN[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

/** Server titles are "中文 / English": the half of the user's language. */
export function localTitle(locale: Locale, title: string): string {
  const [zh, ...rest] = title.split(' / ');
  return locale === 'en' && rest.length ? rest.join(' / ') : zh;
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}
