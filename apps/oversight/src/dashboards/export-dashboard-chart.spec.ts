import type { DashboardV1 } from '@firstset/contracts';
import { chartTable, csvCell } from './export-dashboard-chart';

const dashboard = (): DashboardV1 => ({
  filters: { batchId: null, prefectureId: null, from: null, to: null },
  asOf: '2026-04-01',
  batches: [],
  applications: 3,
  states: [{ state: 'RECOMMENDED', count: 3 }],
  stages: [{ stage: 'preliminary_review', completed: 3, inStage: 0, medianDays: 2.5, p90Days: 7 }],
  deadlines: [],
  returns: { total: 2, applications: 1, byItem: [{ item: '=HYPERLINK("http://x")', count: 2 }] },
  objections: [],
  sanctions: [],
  prefectures: [{ prefectureId: '150200', applications: 3, returned: 1, recommended: 3, rejected: 0, recognized: 0, preliminaryReviewMedianDays: null }],
});

describe('a chart’s numbers as a file', () => {
  it('holds what the chart draws, headers Chinese then English, an unknown value empty', () => {
    expect(chartTable(dashboard(), 'stages')).toEqual({
      title: '各环节用时',
      header: ['环节 Stage', '已完成 Completed', '进行中 In stage', '中位数（天） Median days', '90分位（天） P90 days'],
      rows: [['preliminary_review', 3, 0, 2.5, 7]],
    });
    expect(chartTable(dashboard(), 'prefectures').rows).toEqual([['150200', 3, 1, 3, 0, 0, null]]);
    expect(csvCell(null)).toBe('');
  });

  it('never lets a cell run as a spreadsheet formula, and quotes commas and quotes', () => {
    const [row] = chartTable(dashboard(), 'returns').rows;
    expect(csvCell(row![0]!)).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const c of ['+1', '-1', '@SUM(A1)']) expect(csvCell(c).startsWith("'")).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(-1)).toBe('-1');
  });
});
