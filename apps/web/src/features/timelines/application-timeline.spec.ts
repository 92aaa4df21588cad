import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic, textOf } from '../../test-support/static-render';
import { ApplicationTimeline } from './application-timeline';

// What intake writes on a resubmission, and a reason an officer typed (Chinese only).
const history = [
  { fromState: 'RETURNED_FOR_CORRECTION', toState: 'RESUBMITTED', action: 'resubmit', actorRole: 'enterprise', actorName: null, actorOrg: null, reason: '第 2 版，修改 1 项 / version 2, 1 change(s)', occurredAt: '2026-12-01T02:00:00.000Z' },
  { fromState: 'RESUBMITTED', toState: 'RECOMMENDED', action: 'recommend', actorRole: 'prefecture_officer', actorName: '李初审', actorOrg: '包头市工业和信息化主管部门 / Baotou industry and IT authority', reason: '材料齐全，同意推荐。', occurredAt: '2026-12-02T02:00:00.000Z' },
  { fromState: 'RECOMMENDED', toState: 'UNDER_COMPREHENSIVE_REVIEW', action: 'startComprehensiveReview', actorRole: 'department_officer', actorName: null, actorOrg: '内蒙古自治区工业和信息化厅 / Department of Industry and Information Technology of Inner Mongolia', reason: null, occurredAt: '2026-12-03T02:00:00.000Z' },
] as Parameters<typeof ApplicationTimeline>[0]['history'];

describe('the application timeline', () => {
  it('reads wholly in Chinese in the Chinese UI: the server-written reason shows its Chinese half', async () => {
    const text = textOf(await renderStatic(() => createElement(ApplicationTimeline, { history })));
    expect(text).toContain('意见：第 2 版，修改 1 项');
    expect(text).toContain('意见：材料齐全，同意推荐。');
    expect(text).not.toMatch(/version|change\(s\)|Baotou|Department/);
  });

  it('issue 20.5 names the person and the body they acted for, or the body alone when the name is withheld', async () => {
    const text = textOf(await renderStatic(() => createElement(ApplicationTimeline, { history })));
    expect(text).toContain('办理人：李初审，包头市工业和信息化主管部门（');
    expect(text).toContain('办理方：内蒙古自治区工业和信息化厅（');
    const en = textOf(await renderStatic(() => createElement(ApplicationTimeline, { history }), { locale: 'en' }));
    expect(en).toContain('By: 李初审, Baotou industry and IT authority (');
  });

  it('reads in English in the English UI', async () => {
    const text = textOf(await renderStatic(() => createElement(ApplicationTimeline, { history }), { locale: 'en' }));
    expect(text).toContain('Opinion: version 2, 1 change(s)');
    expect(text).not.toContain('修改');
  });
});
