import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic, spaced, textOf } from '../../test-support/static-render';
import type { Batch } from '../../shared/api/views';
import { BatchTable } from './batch-table';

const year = new Date().getFullYear();
const batch = (n: number, closes: string): Batch => ({
  id: `b${n}`,
  year,
  name: `第${n}批`,
  windowOpensAt: `${year - 1}-01-01T01:00:00Z`,
  windowClosesAt: closes,
  prefectureDeadline: `${year + 1}-03-31`,
  policyProfileId: 'inner-mongolia',
  policyProfileVersion: '1',
  policyProfileNameZh: '内蒙古首台套认定办法（征求意见稿）',
  policyProfileNameEn: 'Inner Mongolia Measures (draft)',
});
const OPEN = `${year + 1}-12-31T09:00:00Z`;
const render = async (batches: Batch[], path = '/department/batches', withActions = true) =>
  textOf(await renderStatic(() => createElement(BatchTable, { batches, onChange: withActions ? () => undefined : undefined }), { path }));

describe('M7.1 the batch list', () => {
  it('offers the Department the window\'s extension and early close while it is open', async () => {
    const text = await render([batch(1, OPEN)]);
    expect(text).toMatch(spaced('操作'));
    expect(text).toContain('延长申报期');
    expect(text).toContain('提前截止');
  });

  it('shows the auditor no action column and no action', async () => {
    const text = await render([batch(1, OPEN)], '/department/batches', false);
    expect(text).toContain('第1批');
    expect(text).not.toMatch(spaced('操作'));
    expect(text).not.toContain('延长申报期');
    expect(text).not.toContain('提前截止');
  });

  it('offers nothing for a closed window', async () => {
    expect(await render([batch(1, `${year - 1}-06-30T09:00:00Z`)])).not.toContain('延长申报期');
  });

  it('shows the page the URL names, so a reload or a link keeps it', async () => {
    const many = Array.from({ length: 25 }, (_, i) => batch(i + 1, OPEN));
    const second = await render(many, '/department/batches?page=2');
    expect(second).toContain('第21批');
    expect(second).not.toContain('第20批');
    const first = await render(many);
    expect(first).toContain('第20批');
    expect(first).not.toContain('第21批');
  });
});
