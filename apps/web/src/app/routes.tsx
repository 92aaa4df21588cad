import { ComponentType } from 'react';
import { matchPath } from 'react-router';
import type { Role } from '../shared/api/views';
import type { MessageKey } from '../shared/i18n/zh-CN';

// The one table of signed-in pages: each workspace's paths, who may open them, which of them are
// menus, and the page module, loaded on first visit so each workspace downloads only its own
// screens. The router (router.tsx), the menus (shell.tsx) and the role checks all read it.

/** A page module's named export; path parameters (`:id`) arrive as props. */
type PageLoader = () => Promise<ComponentType<Record<string, string>>>;

/** A named export of a page module, loaded lazily. */
function page<M>(load: () => Promise<M>, name: keyof M): PageLoader {
  return async () => (await load())[name] as unknown as ComponentType<Record<string, string>>;
}

export interface PageRoute {
  path: string;
  page: PageLoader;
  /** Shown in the side menu of the workspace, in table order. */
  menu?: { label: MessageKey; badge?: 'unreadNotices' };
}

export interface Workspace {
  id: 'account' | 'enterprise' | 'prefecture' | 'department' | 'institution' | 'expert';
  roles: readonly Role[];
  pages: readonly PageRoute[];
}

export const EVERYONE: readonly Role[] = ['enterprise', 'prefecture_officer', 'department_officer', 'institution_staff', 'expert', 'auditor'];

export const HOME = '/workspace';
export const SECURITY = '/account/security';

export const WORKSPACES: readonly Workspace[] = [
  {
    id: 'account',
    roles: EVERYONE,
    pages: [
      { path: HOME, page: page(() => import('../workspaces/account/home'), 'HomePage'), menu: { label: 'menu.home' } },
      { path: SECURITY, page: page(() => import('../workspaces/account/account-security'), 'AccountSecurityPage') },
    ],
  },
  {
    id: 'enterprise',
    roles: ['enterprise'],
    pages: [
      { path: '/enterprise/profile', page: page(() => import('../workspaces/enterprise/profile'), 'ProfilePage'), menu: { label: 'menu.profile' } },
      { path: '/enterprise/applications', page: page(() => import('../workspaces/enterprise/applications'), 'ApplicationsPage'), menu: { label: 'menu.applications' } },
      { path: '/enterprise/applications/:id', page: page(() => import('../workspaces/enterprise/application-detail'), 'ApplicationDetailPage') },
      { path: '/enterprise/applications/:id/edit', page: page(() => import('../workspaces/enterprise/application-form/application-form'), 'ApplicationFormPage') },
      {
        path: '/enterprise/notifications',
        page: page(() => import('../workspaces/enterprise/notifications'), 'NotificationsPage'),
        menu: { label: 'menu.notifications', badge: 'unreadNotices' },
      },
      { path: '/enterprise/objection-inquiries', page: page(() => import('../features/objections/party-inquiries'), 'PartyInquiriesPage'), menu: { label: 'menu.objectionInquiries' } },
      { path: '/enterprise/tracking-evaluations', page: page(() => import('../workspaces/enterprise/tracking-evaluations'), 'TrackingEvaluationsPage'), menu: { label: 'menu.tracking' } },
      { path: '/enterprise/compliance-cases', page: page(() => import('../features/compliance/my-cases'), 'MyCasesPage'), menu: { label: 'menu.myComplianceCases' } },
    ],
  },
  {
    id: 'prefecture',
    roles: ['prefecture_officer'],
    pages: [
      { path: '/prefecture/queue', page: page(() => import('../workspaces/prefecture/queue'), 'QueuePage'), menu: { label: 'menu.queue' } },
      { path: '/prefecture/applications/:id', page: page(() => import('../workspaces/prefecture/review/review-case'), 'ReviewCasePage') },
      { path: '/prefecture/summary', page: page(() => import('../workspaces/prefecture/summary'), 'SummaryPage'), menu: { label: 'menu.summary' } },
      { path: '/prefecture/objection-inquiries', page: page(() => import('../features/objections/party-inquiries'), 'PartyInquiriesPage'), menu: { label: 'menu.objectionInquiries' } },
      { path: '/prefecture/recognitions', page: page(() => import('../workspaces/prefecture/recognitions'), 'PrefectureRecognitionsPage'), menu: { label: 'menu.prefectureRegistry' } },
      { path: '/prefecture/tracking', page: page(() => import('../workspaces/prefecture/tracking/tracking-page'), 'PrefectureTrackingPage'), menu: { label: 'menu.tracking' } },
    ],
  },
  {
    // The auditor's workspace is the Department's, read only: the pages show it no action and the
    // gateway refuses its commands.
    id: 'department',
    roles: ['department_officer', 'auditor'],
    pages: [
      { path: '/department/batches', page: page(() => import('../workspaces/department/batches'), 'BatchesPage'), menu: { label: 'menu.batches' } },
      { path: '/department/progress', page: page(() => import('../workspaces/department/progress'), 'ProgressPage'), menu: { label: 'menu.progress' } },
      { path: '/department/dashboards', page: page(() => import('../workspaces/department/dashboards/dashboards-page'), 'DashboardsPage'), menu: { label: 'menu.dashboards' } },
      { path: '/department/institutions', page: page(() => import('../workspaces/department/institutions'), 'InstitutionsPage'), menu: { label: 'menu.institutions' } },
      { path: '/department/commissions', page: page(() => import('../workspaces/department/commissions'), 'CommissionsPage'), menu: { label: 'menu.commissions' } },
      { path: '/department/reviews', page: page(() => import('../workspaces/department/oversight-reviews'), 'OversightReviewsPage'), menu: { label: 'menu.oversightReviews' } },
      { path: '/department/decision-lists', page: page(() => import('../workspaces/department/decision-lists'), 'DecisionListsPage'), menu: { label: 'menu.decisionLists' } },
      { path: '/department/decision', page: page(() => import('../workspaces/department/decision/decide-batch-page'), 'DecideBatchPage'), menu: { label: 'menu.decision' } },
      { path: '/department/objections', page: page(() => import('../workspaces/department/objections'), 'ObjectionsPage'), menu: { label: 'menu.objections' } },
      { path: '/department/issuing', page: page(() => import('../workspaces/department/issuing'), 'IssuingPage'), menu: { label: 'menu.issuing' } },
      { path: '/department/registry', page: page(() => import('../workspaces/department/registry/registry-page'), 'RegistryPage'), menu: { label: 'menu.registry' } },
      { path: '/department/tracking-evaluations', page: page(() => import('../workspaces/department/tracking/tracking-page'), 'DepartmentTrackingPage'), menu: { label: 'menu.tracking' } },
      { path: '/department/compliance-cases', page: page(() => import('../workspaces/department/compliance/cases-page'), 'ComplianceCasesPage'), menu: { label: 'menu.complianceCases' } },
      { path: '/department/sanctions', page: page(() => import('../workspaces/department/compliance/sanctions-page'), 'SanctionsPage'), menu: { label: 'menu.sanctions' } },
      { path: '/department/calendar', page: page(() => import('../workspaces/department/calendar'), 'CalendarPage'), menu: { label: 'menu.holidayCalendar' } },
      { path: '/department/officers', page: page(() => import('../workspaces/department/officers'), 'OfficersPage'), menu: { label: 'menu.officers' } },
      { path: '/department/catalogue', page: page(() => import('../workspaces/department/catalogue'), 'CataloguePage'), menu: { label: 'menu.catalogue' } },
      {
        path: '/department/earlier-recognitions',
        page: page(() => import('../workspaces/department/earlier-recognitions'), 'EarlierRecognitionsPage'),
        menu: { label: 'menu.earlierRecognitions' },
      },
      // ADR 0028: the audit log, and an application opened from it read only (each read audited).
      { path: '/department/audit-log', page: page(() => import('../workspaces/department/audit/audit-log-page'), 'AuditLogPage'), menu: { label: 'menu.auditLog' } },
      { path: '/department/applications/:id', page: page(() => import('../workspaces/department/audit/audit-application-page'), 'AuditApplicationPage') },
    ],
  },
  {
    id: 'institution',
    roles: ['institution_staff'],
    pages: [
      { path: '/institution/reviews', page: page(() => import('../workspaces/institution/institution-reviews'), 'InstitutionReviewsPage'), menu: { label: 'menu.institutionReviews' } },
      { path: '/institution/pool', page: page(() => import('../workspaces/institution/expert-pool'), 'ExpertPoolPage'), menu: { label: 'menu.expertPool' } },
      { path: '/institution/conflicts', page: page(() => import('../workspaces/institution/conflicts'), 'ConflictsPage'), menu: { label: 'menu.conflicts' } },
      { path: '/institution/panels', page: page(() => import('../workspaces/institution/panels/panels-page'), 'PanelsPage'), menu: { label: 'menu.institutionPanels' } },
      { path: '/institution/reports', page: page(() => import('../workspaces/institution/reports/batch-reports-page'), 'BatchReportsPage'), menu: { label: 'menu.institutionReports' } },
      { path: '/institution/objection-inquiries', page: page(() => import('../features/objections/party-inquiries'), 'PartyInquiriesPage'), menu: { label: 'menu.objectionInquiries' } },
      { path: '/institution/compliance-cases', page: page(() => import('../features/compliance/my-cases'), 'MyCasesPage'), menu: { label: 'menu.myComplianceCases' } },
      { path: '/institution/reviews/:id', page: page(() => import('../workspaces/institution/institution-case'), 'InstitutionCasePage') },
    ],
  },
  {
    id: 'expert',
    roles: ['expert'],
    pages: [
      { path: '/expert/assignments', page: page(() => import('../workspaces/expert/expert-assignments'), 'ExpertAssignmentsPage'), menu: { label: 'menu.expertAssignments' } },
      { path: '/expert/declarations', page: page(() => import('../workspaces/expert/my-declarations'), 'MyDeclarationsPage'), menu: { label: 'menu.myDeclarations' } },
      { path: '/expert/compliance-cases', page: page(() => import('../features/compliance/my-cases'), 'MyCasesPage'), menu: { label: 'menu.myComplianceCases' } },
      { path: '/expert/assignments/:id', page: page(() => import('../workspaces/expert/expert-case'), 'ExpertCasePage') },
    ],
  },
];

export interface MenuEntry {
  path: string;
  label: MessageKey;
  badge?: 'unreadNotices';
}

/** A role's menus: the pages marked as menus of every workspace it may enter, in table order. */
export function menusOf(role: Role): MenuEntry[] {
  return WORKSPACES.filter((w) => w.roles.includes(role)).flatMap((w) => w.pages.flatMap((p) => (p.menu ? [{ path: p.path, ...p.menu }] : [])));
}

/** The workspace a path belongs to (whatever the role), or undefined for a path of none. */
export function workspaceOf(path: string): Workspace | undefined {
  return WORKSPACES.find((w) => w.pages.some((p) => matchPath(p.path, path)));
}

/** Where sign-in goes on to: the page asked for before it, when it is one of ours, else the home. */
export function afterSignIn(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return HOME;
  const path = next.split(/[?#]/)[0];
  return workspaceOf(path) ? next : HOME;
}
