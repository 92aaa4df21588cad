import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic, spaced, textOf } from '../../test-support/static-render';
import { LoadState } from './states';

const page = (status: number, code: string) =>
  createElement(LoadState, {
    loading: false,
    error: { status, code, title: '申请不存在 / Application not found' },
    onRetry: () => undefined,
    backTo: '/prefecture/queue',
    children: 'the case',
  });

describe('a page that could not load', () => {
  it("says another prefecture's case (404) is not found or not the caller's, with the way back, not a retry", async () => {
    const text = textOf(await renderStatic(() => page(404, 'NOT_FOUND')));
    expect(text).toContain('未找到或无权查看');
    expect(text).toMatch(spaced('返回'));
    expect(text).not.toMatch(/加载失败|重\s?试|the case/);
  });

  it('says the same of a refusal (403), in English in the English UI', async () => {
    const text = textOf(await renderStatic(() => page(403, 'FORBIDDEN'), { locale: 'en' }));
    expect(text).toContain('Not found or not yours');
    expect(text).not.toMatch(/Could not load|Retry/);
  });

  it('offers a retry when retrying can help (a network error, a 503)', async () => {
    for (const [status, code] of [[0, 'NETWORK'], [503, 'SERVICE_UNAVAILABLE']] as const) {
      const text = textOf(await renderStatic(() => page(status, code)));
      expect(text).toContain('加载失败');
      expect(text).toMatch(spaced('重试'));
    }
  });
});
