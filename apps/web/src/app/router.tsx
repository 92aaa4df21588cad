import { createElement } from 'react';
import { createBrowserRouter, Navigate, RouteObject, useLocation, useParams } from 'react-router';
import { useSession } from '../shared/auth/session';
import { Loading } from '../shared/ui/states';
import { NotFound } from './not-found';
import { HOME, PageRoute, WORKSPACES } from './routes';
import { Shell } from './shell';
import { WorkspaceLayout } from './workspace-layout';

/** `/`: the workspace when signed in, the public area otherwise. */
function Start() {
  const { actor } = useSession();
  return <Navigate to={actor ? HOME : '/public'} replace />;
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

export const ROUTE_OBJECTS: RouteObject[] = [
  { path: '/', element: <Start /> },
  { path: '/login', lazy: async () => ({ Component: (await import('../workspaces/public/login')).LoginPage }) },
  {
    Component: Shell,
    HydrateFallback: Loading,
    children: [
      { path: '/public', lazy: async () => ({ Component: (await import('../workspaces/public/public')).PublicPage }) },
      { path: '/public/verify', lazy: async () => ({ Component: (await import('../workspaces/public/verify')).VerifyPage }) },
      { path: '/public/notices', lazy: async () => ({ Component: (await import('../workspaces/public/notices')).NoticesPage }) },
      { path: '/public/notices/:id', lazy: async () => ({ Component: (await import('../workspaces/public/notice')).NoticePage }) },
      { path: '/public/objections/new', lazy: async () => ({ Component: (await import('../workspaces/public/objection-form')).ObjectionFormPage }) },
      { path: '/public/objections/follow', lazy: async () => ({ Component: (await import('../workspaces/public/objection-follow')).ObjectionFollowPage }) },
      ...WORKSPACES.map((workspace) => ({
        id: workspace.id,
        element: <WorkspaceLayout workspace={workspace} />,
        children: workspace.pages.map((route) => ({ path: route.path, lazy: lazyPage(route) })),
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(ROUTE_OBJECTS);
