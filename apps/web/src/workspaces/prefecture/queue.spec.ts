import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic, textOf } from '../../test-support/static-render';
import type { Actor } from '../../shared/api/views';

const officer = { userId: 'u-1', role: 'prefecture_officer', prefectureId: '150200', displayName: '包头市工信局 初审员' } as Actor;

const render = async (path: string) => {
  const { QueuePage } = await import('./queue');
  return renderStatic(() => createElement(QueuePage), { path, actor: officer });
};

describe('the prefecture queue', () => {
  it('shows the filters of a link or a reload in its search form (the list is asked with them)', async () => {
    const html = await render('/prefecture/queue?search=NTE220&state=SUBMITTED&catalogueEntryCode=EF04&page=2');
    expect(html).toMatch(/value="NTE220"/);
    const text = textOf(html);
    expect(text).toContain('已提交');
    expect(text).toContain('大型矿山和冶金装备');
  });

  it("reads a hand-edited link's unknown state as no filter", async () => {
    const text = textOf(await render('/prefecture/queue?state=NONSENSE'));
    expect(text).not.toContain('NONSENSE');
  });
});
