import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic, spaced, textOf } from '../test-support/static-render';
import type { Role } from '../shared/api/views';
import { afterSignIn, menusOf, workspaceOf, WORKSPACES } from './routes';
import { WorkspaceLayout } from './workspace-layout';

const officer = { userId: 'u-1', role: 'prefecture_officer', displayName: '包头市工信局 经办人', prefectureId: '150200' } as const;

describe('the route table', () => {
  it('names the workspace of a path whatever the role; an unknown path has none', () => {
    expect(['/workspace', '/prefecture/applications/a-1', '/department/calendar', '/nowhere', '/public/nowhere', '/prefecture'].map((p) => workspaceOf(p)?.id)).toEqual([
      'account',
      'prefecture',
      'department',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("gives each role its own menus, home first, and the auditor the Department's", () => {
    expect(menusOf('prefecture_officer').map((m) => m.path)).toEqual(['/workspace', '/prefecture/queue', '/prefecture/summary', '/prefecture/objection-inquiries', '/prefecture/recognitions', '/prefecture/tracking']);
    expect(menusOf('auditor')).toEqual(menusOf('department_officer'));
    const department = menusOf('department_officer').map((m) => m.path);
    expect(department.slice(department.indexOf('/department/decision-lists'), department.indexOf('/department/decision-lists') + 2)).toEqual(['/department/decision-lists', '/department/decision']);
    expect(menusOf('enterprise').find((m) => m.badge)?.path).toBe('/enterprise/notifications');
    expect(menusOf('expert').map((m) => m.path)).toEqual(['/workspace', '/expert/assignments', '/expert/declarations', '/expert/compliance-cases']);
    expect(menusOf('institution_staff').map((m) => m.path)).toEqual(['/workspace', '/institution/reviews', '/institution/pool', '/institution/conflicts', '/institution/panels', '/institution/reports', '/institution/objection-inquiries', '/institution/compliance-cases']);
    // ADR 0025: the Department handles objections; each party asked answers in its own console.
    expect(menusOf('department_officer').map((m) => m.path)).toContain('/department/objections');
    // M9.3: issuing follows the objections it waits for.
    expect(department.slice(department.indexOf('/department/objections'), department.indexOf('/department/objections') + 3)).toEqual(['/department/objections', '/department/issuing', '/department/registry']);
    expect(menusOf('enterprise').map((m) => m.path)).toEqual(['/workspace', '/enterprise/profile', '/enterprise/applications', '/enterprise/notifications', '/enterprise/objection-inquiries', '/enterprise/tracking-evaluations', '/enterprise/compliance-cases']);
    // ADR 0026: the Department reads the tracking evaluations, handles cases and the registry; each party reads its own cases and states its own.
    expect(department.slice(department.indexOf('/department/registry'), department.indexOf('/department/registry') + 4)).toEqual([
      '/department/registry',
      '/department/tracking-evaluations',
      '/department/compliance-cases',
      '/department/sanctions',
    ]);
    // ADR 0028: the audit log closes the Department's menus (the auditor's too, read only).
    expect(department.at(-1)).toBe('/department/audit-log');
    expect(menusOf('department_officer').at(-1)?.label).toBe('menu.auditLog');
    expect(workspaceOf('/department/applications/a-1')?.roles).toEqual(['department_officer', 'auditor']);
    // Issue 20: the dashboards follow the prefectures' progress; the auditor has them too (read only).
    expect(department.slice(department.indexOf('/department/progress'), department.indexOf('/department/progress') + 2)).toEqual(['/department/progress', '/department/dashboards']);
    expect(workspaceOf('/department/dashboards')?.roles).toEqual(['department_officer', 'auditor']);
  });

  it("keeps the institution's and the expert's pages to them", () => {
    const mayOpen = (role: Role, path: string) => workspaceOf(path)?.roles.includes(role) ?? false;
    for (const role of ['auditor', 'department_officer', 'enterprise', 'prefecture_officer', 'expert'] as const) expect(mayOpen(role, '/institution/reviews')).toBe(false);
    for (const role of ['auditor', 'department_officer', 'institution_staff'] as const) expect(mayOpen(role, '/expert/assignments')).toBe(false);
    expect(mayOpen('institution_staff', '/department/reviews')).toBe(false);
    expect(mayOpen('institution_staff', '/institution/reviews')).toBe(true);
    // M11.1: the pool and its conflicts are the institution's; the declarations page is the expert's own.
    for (const role of ['auditor', 'department_officer', 'enterprise', 'prefecture_officer', 'expert'] as const) {
      expect([role, mayOpen(role, '/institution/pool'), mayOpen(role, '/institution/conflicts')]).toEqual([role, false, false]);
    }
    for (const role of ['auditor', 'department_officer', 'institution_staff'] as const) expect([role, mayOpen(role, '/expert/declarations')]).toEqual([role, false]);
  });

  it('after sign-in goes back to the page asked for, never off the site or to a path of no workspace', () => {
    expect(afterSignIn('/prefecture/applications/a-1?tab=materials')).toBe('/prefecture/applications/a-1?tab=materials');
    expect(afterSignIn('/prefecture/queue?state=SUBMITTED&page=2')).toBe('/prefecture/queue?state=SUBMITTED&page=2');
    expect(['//evil.example/x', 'https://evil.example/', '/login?next=/x', '/nowhere', null, ''].map(afterSignIn)).toEqual(Array(6).fill('/workspace'));
  });
});

describe('paths', () => {
  it('an unknown path signed out shows the 404 page with the way home and to sign in, not the sign-in page', async () => {
    const text = textOf(await renderStatic('app', { path: '/nowhere' }));
    // The page's own ways on, after its title (the header has a sign-in button of its own).
    const page = text.slice(text.indexOf('页面不存在'));
    expect(page).toContain('页面不存在');
    expect(page).toContain('返回首页');
    expect(page).toMatch(spaced('登录'));
    expect(text).not.toContain('密码');
  });

  it('an unknown path signed in shows the 404 page too, in English in the English UI', async () => {
    const text = textOf(await renderStatic('app', { path: '/nowhere', actor: officer, locale: 'en' }));
    expect(text).toContain('Page not found');
    expect(text).toContain('Back to the start');
  });

  it("another role's workspace is not there for this actor", async () => {
    const department = WORKSPACES.find((w) => w.id === 'department')!;
    const text = textOf(await renderStatic(() => createElement(WorkspaceLayout, { workspace: department }), { path: '/department/calendar', actor: officer }));
    expect(text).toContain('页面不存在');
  });

  it("the auditor's view of the Department's workspace says it is read only; the officer's does not", async () => {
    const department = WORKSPACES.find((w) => w.id === 'department')!;
    const render = (role: 'auditor' | 'department_officer') =>
      renderStatic(() => createElement(WorkspaceLayout, { workspace: department }), { path: '/department/batches', actor: { userId: 'u-2', role, displayName: '审计' } });
    expect(textOf(await render('auditor'))).toContain('审计只读视图');
    expect(textOf(await render('department_officer'))).not.toContain('只读');
  });

  it('a workspace page signed out shows no 404 (it goes to sign in)', async () => {
    const text = textOf(await renderStatic('app', { path: '/prefecture/applications/a-1' }));
    expect(text).not.toContain('页面不存在');
  });
});
