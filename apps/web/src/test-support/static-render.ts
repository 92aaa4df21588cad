import { createElement, ReactElement, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Actor } from '../shared/api/views';
import type { Locale } from '../shared/i18n/translate';

// Unit tests run in Node: the few browser globals the providers and the API client read, enough
// to render a component to HTML. Imported before anything that reads them.
const store = new Map<string, string>();
const storage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
};
const location = { origin: 'http://localhost', pathname: '/' };
Object.assign(globalThis, {
  window: { location, history: { pushState() {}, replaceState() {} }, addEventListener() {}, removeEventListener() {}, scrollTo() {} },
  localStorage: storage,
  sessionStorage: storage,
});

/**
 * The HTML of `build()` inside the app's providers and a router, in a locale, at a path, signed in
 * as `actor` or not; `'app'` renders the whole route table at that path.
 */
export async function renderStatic(build: (() => ReactNode) | 'app', options: { locale?: Locale; path?: string; actor?: Actor } = {}): Promise<string> {
  store.clear();
  if (options.locale === 'en') store.set('firstset.locale', 'en');
  if (options.actor) store.set('firstset.session', JSON.stringify({ accessToken: 'test', expiresIn: 600, expiresAt: Date.now() + 600_000, actor: options.actor, pending: [] }));
  location.pathname = options.path ?? '/';
  // Loaded after the globals are in place: the API client reads the origin on import.
  const [{ Providers }, { AntdProviders }, { ROUTE_OBJECTS }, { createMemoryRouter, RouterProvider }, { loadLocale }] = await Promise.all([
    import('../app/providers'),
    import('../app/antd-providers'),
    import('../app/router'),
    import('react-router'),
    import('../shared/i18n/translate'),
  ]);
  await loadLocale(options.locale ?? 'zh-CN');
  const routes = build === 'app' ? ROUTE_OBJECTS : [{ path: '*', element: build() }];
  const router = createMemoryRouter(routes, { initialEntries: [options.path ?? '/'] });
  // The route trees load lazily (router.tsx): rendered once they are in, not their fallback.
  if (!router.state.initialized) await new Promise<void>((done) => { const off = router.subscribe((s) => s.initialized && (off(), done())); });
  // A page built here is the console's (antd's providers around it); 'app' brings its own where its routes want them.
  const inner = createElement(RouterProvider, { router });
  const tree: ReactElement = createElement(Providers, null, build === 'app' ? inner : createElement(AntdProviders, null, inner));
  return renderToStaticMarkup(tree);
}

/**
 * The text of rendered HTML, tags and SVG titles dropped: what a reader sees. antd spaces out a
 * two-character Chinese button label (重 试): match such labels with `spaced('重试')`.
 */
export function textOf(html: string): string {
  return html.replace(/<title>[^<]*<\/title>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A two-character Chinese button label as antd shows it, with or without its inserted space. */
export const spaced = (label: string) => new RegExp(label.split('').join('\\s?'));
