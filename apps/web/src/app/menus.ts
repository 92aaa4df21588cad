import type { Role } from '../shared/api/views';
import type { MessageKey } from '../shared/i18n/zh-CN';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  /** A count shown beside the label: the enterprise's unread notices. */
  badge?: 'unreadNotices';
}

const HOME: MenuEntry = { path: '/workspace', label: 'menu.home' };

/** The Department's menus; the auditor has the same, read only (the pages show it no action). */
const OVERSIGHT: MenuEntry[] = [
  { path: '/department/batches', label: 'menu.batches' },
  { path: '/department/progress', label: 'menu.progress' },
  { path: '/department/commissions', label: 'menu.commissions' },
  { path: '/department/reviews', label: 'menu.oversightReviews' },
  { path: '/department/decision-lists', label: 'menu.decisionLists' },
  { path: '/department/calendar', label: 'menu.holidayCalendar' },
  { path: '/department/officers', label: 'menu.officers' },
  { path: '/department/catalogue', label: 'menu.catalogue' },
  { path: '/department/earlier-recognitions', label: 'menu.earlierRecognitions' },
];

/** Each role's own menus: a workspace shows these and nothing else. */
export const MENUS: Record<Role, MenuEntry[]> = {
  enterprise: [
    HOME,
    { path: '/enterprise/profile', label: 'menu.profile' },
    { path: '/enterprise/applications', label: 'menu.applications' },
    { path: '/enterprise/notifications', label: 'menu.notifications', badge: 'unreadNotices' },
  ],
  prefecture_officer: [HOME, { path: '/prefecture/queue', label: 'menu.queue' }, { path: '/prefecture/summary', label: 'menu.summary' }],
  department_officer: [HOME, ...OVERSIGHT],
  auditor: [HOME, ...OVERSIGHT],
  institution_staff: [HOME, { path: '/institution/reviews', label: 'menu.institutionReviews' }],
  expert: [HOME, { path: '/expert/assignments', label: 'menu.expertAssignments' }],
};

