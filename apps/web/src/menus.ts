import type { Role } from './api/views';
import type { MessageKey } from './i18n/zh-CN';

export interface MenuEntry {
  path: string;
  label: MessageKey;
}

const HOME: MenuEntry = { path: '/workspace', label: 'menu.home' };

/** Each role's own menus: a workspace shows these and nothing else. */
export const MENUS: Record<Role, MenuEntry[]> = {
  enterprise: [HOME, { path: '/enterprise/profile', label: 'menu.profile' }, { path: '/enterprise/applications', label: 'menu.applications' }],
  prefecture_officer: [HOME, { path: '/prefecture/queue', label: 'menu.queue' }, { path: '/prefecture/summary', label: 'menu.summary' }],
  department_officer: [HOME, { path: '/department/batches', label: 'menu.batches' }, { path: '/department/progress', label: 'menu.progress' }],
  auditor: [HOME, { path: '/department/batches', label: 'menu.batches' }, { path: '/department/progress', label: 'menu.progress' }],
  institution_staff: [HOME],
  expert: [HOME],
};

