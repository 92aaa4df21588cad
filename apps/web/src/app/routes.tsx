import { ComponentType, lazy, LazyExoticComponent } from 'react';
import type { Role } from '../shared/api/views';
import { matchPath } from './router-legacy';

// Every signed-in page: its path pattern, the roles whose workspace it belongs to, and the page,
// loaded on first visit so each workspace downloads only its own screens.

type Page = LazyExoticComponent<ComponentType<Record<string, string>>>;

/** A named export of a page module as a lazily loaded component. */
function page<M>(load: () => Promise<M>, name: keyof M): Page {
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<Record<string, string>> }));
}

export interface RouteEntry {
  pattern: string;
  roles: readonly Role[];
  page: Page;
}

const EVERYONE: readonly Role[] = ['enterprise', 'prefecture_officer', 'department_officer', 'institution_staff', 'expert', 'auditor'];
const DEPARTMENT: readonly Role[] = ['department_officer', 'auditor'];

export const ROUTES: readonly RouteEntry[] = [
  { pattern: '/workspace', roles: EVERYONE, page: page(() => import('../workspaces/account/home'), 'HomePage') },
  { pattern: '/enterprise/profile', roles: ['enterprise'], page: page(() => import('../workspaces/enterprise/profile'), 'ProfilePage') },
  { pattern: '/enterprise/applications', roles: ['enterprise'], page: page(() => import('../workspaces/enterprise/applications'), 'ApplicationsPage') },
  { pattern: '/enterprise/applications/:id', roles: ['enterprise'], page: page(() => import('../workspaces/enterprise/application-detail'), 'ApplicationDetailPage') },
  { pattern: '/enterprise/notifications', roles: ['enterprise'], page: page(() => import('../workspaces/enterprise/notifications'), 'NotificationsPage') },
  { pattern: '/enterprise/applications/:id/edit', roles: ['enterprise'], page: page(() => import('../workspaces/enterprise/application-form/application-form'), 'ApplicationFormPage') },
  { pattern: '/prefecture/queue', roles: ['prefecture_officer'], page: page(() => import('../workspaces/prefecture/queue'), 'QueuePage') },
  { pattern: '/prefecture/applications/:id', roles: ['prefecture_officer'], page: page(() => import('../workspaces/prefecture/review/review-case'), 'ReviewCasePage') },
  { pattern: '/prefecture/summary', roles: ['prefecture_officer'], page: page(() => import('../workspaces/prefecture/summary'), 'SummaryPage') },
  { pattern: '/department/batches', roles: DEPARTMENT, page: page(() => import('../workspaces/department/batches'), 'BatchesPage') },
  { pattern: '/department/calendar', roles: DEPARTMENT, page: page(() => import('../workspaces/department/calendar'), 'CalendarPage') },
  { pattern: '/department/progress', roles: DEPARTMENT, page: page(() => import('../workspaces/department/progress'), 'ProgressPage') },
  { pattern: '/department/commissions', roles: DEPARTMENT, page: page(() => import('../workspaces/department/commissions'), 'CommissionsPage') },
  { pattern: '/department/reviews', roles: DEPARTMENT, page: page(() => import('../workspaces/department/oversight-reviews'), 'OversightReviewsPage') },
  { pattern: '/department/decision-lists', roles: DEPARTMENT, page: page(() => import('../workspaces/department/decision-lists'), 'DecisionListsPage') },
  { pattern: '/department/catalogue', roles: DEPARTMENT, page: page(() => import('../workspaces/department/catalogue'), 'CataloguePage') },
  { pattern: '/department/earlier-recognitions', roles: DEPARTMENT, page: page(() => import('../workspaces/department/earlier-recognitions'), 'EarlierRecognitionsPage') },
  { pattern: '/institution/reviews', roles: ['institution_staff'], page: page(() => import('../workspaces/institution/institution-reviews'), 'InstitutionReviewsPage') },
  { pattern: '/expert/assignments', roles: ['expert'], page: page(() => import('../workspaces/expert/expert-assignments'), 'ExpertAssignmentsPage') },
  { pattern: '/account/security', roles: EVERYONE, page: page(() => import('../workspaces/account/account-security'), 'AccountSecurityPage') },
  { pattern: '/department/officers', roles: DEPARTMENT, page: page(() => import('../workspaces/department/officers'), 'OfficersPage') },
];

/** The route a role may open at this path, with its parameters; null when there is none. */
export function resolveRoute(role: Role, path: string): { route: RouteEntry; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params && route.roles.includes(role)) return { route, params };
  }
  return null;
}

/** A path of some workspace (whatever the role): opening it signed out asks to sign in. */
export function isWorkspacePath(path: string): boolean {
  return ROUTES.some((route) => matchPath(route.pattern, path) !== null);
}
