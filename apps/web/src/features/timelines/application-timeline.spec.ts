import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic, textOf } from '../../test-support/static-render';
import { ApplicationTimeline } from './application-timeline';

// What intake writes on a resubmission, and a reason an officer typed (Chinese only).
const history = [
  { fromState: 'RETURNED_FOR_CORRECTION', toState: 'RESUBMITTED', action: 'resubmit', actorRole: 'enterprise', reason: '第 2 版，修改 1 项 / version 2, 1 change(s)', occurredAt: '2026-12-01T02:00:00.000Z' },
  { fromState: 'RESUBMITTED', toState: 'RECOMMENDED', action: 'recommend', actorRole: 'prefecture_officer', reason: '材料齐全，同意推荐。', occurredAt: '2026-12-02T02:00:00.000Z' },
] as Parameters<typeof ApplicationTimeline>[0]['history'];

describe('the application timeline', () => {
  it('reads wholly in Chinese in the Chinese UI: the server-written reason shows its Chinese half', async () => {
    const text = textOf(await renderStatic(() => createElement(ApplicationTimeline, { history })));
    expect(text).toContain('意见：第 2 版，修改 1 项');
    expect(text).toContain('意见：材料齐全，同意推荐。');
    expect(text).not.toMatch(/version|change\(s\)/);
  });

  it('reads in English in the English UI', async () => {
    const text = textOf(await renderStatic(() => createElement(ApplicationTimeline, { history }), { locale: 'en' }));
    expect(text).toContain('Opinion: version 2, 1 change(s)');
    expect(text).not.toContain('修改');
  });
});
