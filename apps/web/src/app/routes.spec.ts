import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic, spaced, textOf } from '../test-support/static-render';
import { App } from './app';
import { isWorkspacePath } from './routes';

const officer = { userId: 'u-1', role: 'prefecture_officer', displayName: '包头市工信局 经办人', prefectureId: '150200' } as const;

describe('paths', () => {
  it("a workspace page is one (whatever the role), an unknown path is not", () => {
    expect(['/workspace', '/prefecture/applications/a-1', '/department/calendar', '/nowhere', '/public/nowhere', '/prefecture'].map(isWorkspacePath)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('an unknown path signed out shows the 404 page with the way home and to sign in, not the sign-in page', async () => {
    const text = textOf(await renderStatic(() => createElement(App), { path: '/nowhere' }));
    // The page's own ways on, after its title (the header has a sign-in button of its own).
    const page = text.slice(text.indexOf('页面不存在'));
    expect(page).toContain('页面不存在');
    expect(page).toContain('返回首页');
    expect(page).toMatch(spaced('登录'));
    expect(text).not.toContain('密码');
  });

  it('an unknown path signed in shows the 404 page too, in English in the English UI', async () => {
    const text = textOf(await renderStatic(() => createElement(App), { path: '/nowhere', actor: officer, locale: 'en' }));
    expect(text).toContain('Page not found');
    expect(text).toContain('Back to the start');
  });

  it('a workspace page signed out shows no 404 (it goes to sign in)', async () => {
    const text = textOf(await renderStatic(() => createElement(App), { path: '/prefecture/applications/a-1' }));
    expect(text).not.toContain('页面不存在');
  });
});
