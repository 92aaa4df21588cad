import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic, textOf } from '../../test-support/static-render';
import { HomePage } from '../../workspaces/account/home';
import { ReviewFacts } from '../../features/review-panel/review-parts';
import type { ReviewView } from '../../features/review-panel/types';
import { prefectureName } from './prefectures';

const officer = { userId: 'u-1', role: 'prefecture_officer', displayName: '包头市工信局 经办人', prefectureId: '150200' } as const;

describe('a prefecture is named, not coded', () => {
  it('by its name in the user language; an unknown code stays visible', () => {
    expect([prefectureName('150200', 'zh-CN'), prefectureName('150200', 'en'), prefectureName('152501', 'zh-CN'), prefectureName('159999', 'zh-CN')]).toEqual([
      '包头市',
      'Baotou',
      '二连浩特市',
      '159999',
    ]);
  });

  it("on an officer's workspace home", async () => {
    const text = textOf(await renderStatic(() => createElement(HomePage), { actor: officer }));
    expect(text).toContain('包头市');
    expect(text).not.toMatch(/150200|代码/);
    expect(textOf(await renderStatic(() => createElement(HomePage), { actor: officer, locale: 'en' }))).toContain('Baotou');
  });

  it("in an application's facts for reviewers", async () => {
    const review = {
      applicationNo: 'SX-2026-0001',
      state: 'EXPERT_REVIEW',
      stateLabel: { zh: '专家评审', en: 'Expert review' },
      enterprise: { name: '包头北方重型装备有限公司' },
      prefectureId: '150200',
      product: { kind: 'equipment', name: '矿用自卸车', series: 'NTE', model: 'NTE220', rdCompletedOn: '2025-06-30' },
      recommendedAt: '2026-11-01T02:00:00.000Z',
      recommendationOpinion: '同意推荐。',
    } as unknown as ReviewView;
    const text = textOf(await renderStatic(() => createElement(ReviewFacts, { review })));
    expect(text).toContain('所属盟市 包头市');
    expect(text).not.toMatch(/150200|代码/);
  });
});
