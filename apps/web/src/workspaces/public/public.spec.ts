import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic } from '../../test-support/static-render';
import { REGISTRY_DEFAULTS, registryQuery, registryYears, verifyNumberOf } from '../../features/registry/registry-query';

describe('M13.1 the public registry\'s query from the URL', () => {
  const q = (over: Partial<typeof REGISTRY_DEFAULTS>) => registryQuery({ ...REGISTRY_DEFAULTS, ...over });

  it('passes the words, kind, field, prefecture, year and status the URL names, trimmed', () => {
    expect(q({ q: ' 稀土 ', kind: 'FIRST_BATCH_MATERIAL', field: 'NM', prefecture: '150600', year: '2026', status: 'expired', page: 3, pageSize: 50 })).toEqual({
      search: '稀土',
      productKind: 'FIRST_BATCH_MATERIAL',
      fieldCode: 'NM',
      prefectureId: '150600',
      year: 2026,
      status: 'expired',
      page: 3,
      pageSize: 50,
    });
  });

  it('reads a hand-edited link\'s junk as no filter, never as an error page', () => {
    expect(q({ q: '   ', kind: 'SPACESHIP', field: 'EF99', prefecture: '999999', year: '20x6', status: 'deleted', page: -4, pageSize: 5000 })).toEqual({
      search: undefined,
      productKind: undefined,
      fieldCode: undefined,
      prefectureId: undefined,
      year: undefined,
      status: undefined,
      page: 1,
      pageSize: 100,
    });
    expect(q({ year: '1850' }).year).toBeUndefined();
  });

  it('offers the years from the first to this one, newest first; verifies by the certificate when there is one', () => {
    expect(registryYears(2027, 2024)).toEqual([2027, 2026, 2025, 2024]);
    expect(verifyNumberOf({ certificateNo: 'NMSTT-2026-0007', documentNo: '内工信装备认字〔2026〕3号' })).toBe('NMSTT-2026-0007');
    expect(verifyNumberOf({ certificateNo: null, documentNo: '内工信装备认字〔2026〕3号' })).toBe('内工信装备认字〔2026〕3号');
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
