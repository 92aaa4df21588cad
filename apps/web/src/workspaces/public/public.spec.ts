import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PublicRecognition } from '../../shared/api/views';
import { renderStatic } from '../../test-support/static-render';
import { filterRecognitions } from './registry-filter';

const rec = (enterpriseName: string, name: string, model: string, kind: string): PublicRecognition => ({
  enterpriseName,
  product: { kind, name, series: 'S', model },
  documentNo: `内工信装字〔2026〕${model}号`,
  documentDate: '2026-06-01',
  validFrom: '2026-06-01',
  validUntil: '2029-05-31',
});

const LIST = [
  rec('包头北方重工有限公司', '大型矿用自卸车', 'NTE220', 'FIRST_SET_EQUIPMENT'),
  rec('鄂尔多斯稀土材料有限公司', '高纯稀土合金', 'RE-99', 'FIRST_BATCH_MATERIAL'),
];

describe('the public registry filtered by the URL\'s words and kind', () => {
  it('matches words in the enterprise, the product or the model, case-insensitively', () => {
    expect(filterRecognitions(LIST, { q: '包头' }).map((x) => x.product.model)).toEqual(['NTE220']);
    expect(filterRecognitions(LIST, { q: ' re-99 ' }).map((x) => x.product.model)).toEqual(['RE-99']);
    expect(filterRecognitions(LIST, { q: '稀土' }).map((x) => x.product.model)).toEqual(['RE-99']);
  });

  it('narrows by kind, both filters together, and is the whole list without either', () => {
    expect(filterRecognitions(LIST, { kind: 'FIRST_SET_EQUIPMENT' }).map((x) => x.product.model)).toEqual(['NTE220']);
    expect(filterRecognitions(LIST, { q: '稀土', kind: 'FIRST_SET_EQUIPMENT' })).toEqual([]);
    expect(filterRecognitions(LIST, {})).toHaveLength(2);
  });
});

describe('the public page\'s tab from the URL', () => {
  const selected = (html: string) => /aria-selected="true"[^>]*>([^<]*)</.exec(html)?.[1];

  it('opens the tab a link names, the registry otherwise (or for an unknown tab)', async () => {
    const { PublicPage } = await import('./public');
    expect(selected(await renderStatic(() => createElement(PublicPage), { path: '/public?tab=calendar' }))).toContain('工作日历');
    expect(selected(await renderStatic(() => createElement(PublicPage), { path: '/public' }))).toBe('已认定产品名录');
    expect(selected(await renderStatic(() => createElement(PublicPage), { path: '/public?tab=nonsense' }))).toBe('已认定产品名录');
  });
});
