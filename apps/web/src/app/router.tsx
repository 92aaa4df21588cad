import { ComponentType, createElement } from 'react';
import { createBrowserRouter, Navigate, RouteObject, useLocation, useParams } from 'react-router';
import { useSession } from '../shared/auth/session';
import { useI18n } from '../shared/i18n/i18n';
import { HOME, PageRoute, WORKSPACES } from './routes';

// Two route trees, each loaded on first visit: the public pages in plain HTML (no antd), and the
// sign-in page and the console on antd (console.tsx). A signed-out visitor of /public never
// fetches antd (ADR 0032).

/** `/`: the workspace when signed in, the public area otherwise. */
function Start() {
  const { actor } = useSession();
  return <Navigate to={actor ? HOME : '/public'} replace />;
}

/** While a route tree loads: the line index.html showed (its style is index.html's). */
function Booting() {
  const { t } = useI18n();
  return <div className="boot-status" role="status">{t('common.loading')}</div>;
}

/** A page of the table, loaded on first visit; its path parameters are its props. */
function lazyPage(route: PageRoute): RouteObject['lazy'] {
  return async () => {
    const Page = await route.page();
    // Keyed by path, so a page's own state starts afresh when its parameters change.
    const Component = () => createElement(Page, { key: useLocation().pathname, ...(useParams() as Record<string, string>) });
    return { Component };
  };
}

/** A public page: a named export of a module of workspaces/public. */
function publicPage<M>(path: string, load: () => Promise<M>, name: keyof M): RouteObject {
  return { path, lazy: async () => ({ Component: (await load())[name] as ComponentType }) };
}

export const ROUTE_OBJECTS: RouteObject[] = [
  { path: '/', element: <Start /> },
  { path: '/login', HydrateFallback: Booting, lazy: async () => ({ Component: (await import('./console')).Login }) },
  {
    HydrateFallback: Booting,
    lazy: async () => ({ Component: (await import('../workspaces/public/public-shell')).PublicShell }),
    children: [
      publicPage('/public', () => import('../workspaces/public/public'), 'PublicPage'),
      publicPage('/public/verify', () => import('../workspaces/public/verify'), 'VerifyPage'),
      publicPage('/public/notices', () => import('../workspaces/public/notices'), 'NoticesPage'),
      publicPage('/public/notices/:id', () => import('../workspaces/public/notice'), 'NoticePage'),
      publicPage('/public/objections/new', () => import('../workspaces/public/objection-form'), 'ObjectionFormPage'),
      publicPage('/public/objections/follow', () => import('../workspaces/public/objection-follow'), 'ObjectionFollowPage'),
    ],
  },
  {
    HydrateFallback: Booting,
    lazy: async () => ({ Component: (await import('./console')).Console }),
    children: [
      ...WORKSPACES.map((workspace) => ({
        id: workspace.id,
        lazy: async () => {
          const { WorkspaceLayout } = await import('./workspace-layout');
          return { element: <WorkspaceLayout workspace={workspace} /> };
        },
        children: workspace.pages.map((route) => ({ path: route.path, lazy: lazyPage(route) })),
      })),
      { path: '*', lazy: async () => ({ Component: (await import('./not-found')).NotFound }) },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(ROUTE_OBJECTS);
