import { parseCsv } from '../catalogue/csv';
import { earlierAsPrior, readEarlierRecognitions } from './earlier-recognitions';
import { checkExclusions } from './exclusions';
import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { LocalDate } from '../shared/local-date';

const HEADER = '企业名称,统一社会信用代码,产品名称,产品类别,系列,型号,认定年度,认定文号\n';
const ROW = '包头北方重型装备有限公司,91150200MA0N4KXX4C,大型矿用自卸车,技术装备首台（套）,ZK,ZK-240,2022,内工信装字〔2022〕12号\n';

describe('earlier recognitions imported for the series check (M6.4)', () => {
  it('M6.4 reads the Department’s list with Chinese or English headers, each record with its row', () => {
    const { records, issues } = readEarlierRecognitions(parseCsv(HEADER + ROW), 2026);
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        line: 2,
        uscc: '91150200MA0N4KXX4C',
        enterpriseName: '包头北方重型装备有限公司',
        productName: '大型矿用自卸车',
        productKind: 'FIRST_SET_EQUIPMENT',
        series: 'ZK',
        model: 'ZK-240',
        year: 2022,
        documentNo: '内工信装字〔2022〕12号',
      },
    ]);
    const english = readEarlierRecognitions(parseCsv('enterpriseName,uscc,productName,series,model,year,documentNo\nA,91150200MA0N4KXX4C,B,S,M,2021,D\n'), 2026);
    expect(english.issues).toEqual([]);
    expect(english.records[0].productKind).toBeUndefined();
  });

  it.each([
    ['a missing header column', '企业名称,统一社会信用代码\nA,91150200MA0N4KXX4C\n', 1, undefined],
    ['a malformed credit code', HEADER + ROW.replace('91150200MA0N4KXX4C', '9115020'), 2, 'uscc'],
    ['a year in the future', HEADER + ROW.replace(',2022,', ',2031,'), 2, 'year'],
    ['an unknown kind', HEADER + ROW.replace('技术装备首台（套）', '服务'), 2, 'productKind'],
    ['a blank model', HEADER + ROW.replace(',ZK-240,', ',,'), 2, 'model'],
    ['a repeated row', HEADER + ROW + ROW, 3, undefined],
    ['no rows', HEADER, 1, undefined],
  ])('M6.4 names the row (and column) of %s', (_label, csv, line, column) => {
    const { issues } = readEarlierRecognitions(parseCsv(csv), 2026);
    expect(issues[0]).toMatchObject({ line, ...(column ? { column } : {}) });
  });

  it('M6.4 an imported recognition of the same series excludes the product, and says it was imported', () => {
    const { records } = readEarlierRecognitions(parseCsv(HEADER + ROW), 2026);
    const items = checkExclusions(
      {
        applicationDate: '2026-10-01' as LocalDate,
        rdCompletionDate: '2026-03-01' as LocalDate,
        applicantUscc: '91150200MA0N4KXX4C',
        product: { series: 'ZK', model: 'ZK-300' },
        priorRecognitions: records.map(earlierAsPrior),
      },
      IM,
    );
    const m64 = items.find((i) => i.id === 'M6.4')!;
    expect(m64.result).toBe('not_met');
    expect(m64.reasons[0].message).toContain('内工信装字〔2022〕12号，2022年，平台前认定');
  });
});
