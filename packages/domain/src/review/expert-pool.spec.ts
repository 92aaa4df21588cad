import { checkIdentityDocument, EXPERT_FIELD_CODES, fieldCodesOf, prcIdCheckCharacter, readExpertRows, regionOf } from './expert-pool';

const HEADER = { line: 1, cells: ['姓名', '证件类型', '证件号码', '手机号码', '工作单位', '工作单位统一社会信用代码', '职称', '专业领域代码', '专业方向', '所在盟市', '是否可参加评审'] };
const withCheck = (first17: string) => first17 + prcIdCheckCharacter(first17);
const ID_A = withCheck('15010219800315123');

describe('M11.1 the expert pool\'s records', () => {
  it('M11.1 accepts a resident ID with its check character and keeps only its last 4 characters for display', () => {
    expect(checkIdentityDocument('prc_id', '11010519491231002x')).toEqual({ valid: true, normalized: '11010519491231002X', tail: '002X' });
    expect(checkIdentityDocument('prc_id', ` ${ID_A} `)).toMatchObject({ valid: true, tail: ID_A.slice(-4) });
  });

  it('M11.1 refuses a resident ID with a wrong check character, a false birth date or the wrong length', () => {
    const wrong = ID_A.slice(0, 17) + (ID_A[17] === '1' ? '2' : '1');
    expect(checkIdentityDocument('prc_id', wrong)).toMatchObject({ valid: false, messageEn: expect.stringContaining('check character') });
    expect(checkIdentityDocument('prc_id', withCheck('15010219800230123'))).toMatchObject({ valid: false, messageEn: expect.stringContaining('birth date') });
    expect(checkIdentityDocument('prc_id', '1501021980031512')).toMatchObject({ valid: false });
    expect(checkIdentityDocument('passport', 'E1234567')).toMatchObject({ valid: true, tail: '4567' });
    expect(checkIdentityDocument('passport', 'E12')).toMatchObject({ valid: false });
  });

  it('M4.2 fields are EF01–EF18 and NM; regions are Inner Mongolia\'s prefectures or outside', () => {
    expect(EXPERT_FIELD_CODES).toHaveLength(19);
    expect(fieldCodesOf('ef04；EF03, NM、EF99')).toEqual({ codes: ['EF03', 'EF04', 'NM'], unknown: ['EF99'] });
    expect([regionOf('包头市'), regionOf('150600'), regionOf('区外'), regionOf('北京市')]).toEqual(['150200', '150600', null, undefined]);
  });

  it('M11.1 reads a pool spreadsheet, every problem at its row and column, duplicates within the file reported', () => {
    const { experts, issues } = readExpertRows([
      HEADER,
      { line: 2, cells: ['王明', '', ID_A, '13800471234', '内蒙古工业大学', '', '正高级工程师', 'EF04;EF03', '矿山机械', '呼和浩特市', '是'] },
      { line: 3, cells: ['李华', '身份证', ID_A, '', '内蒙古科技大学', '', '教授', 'NM', '稀土材料', '包头市', ''] },
      { line: 4, cells: ['', '驾照', '123', '123', '某单位', 'BAD', '', 'EF40', '', '北京市', '也许'] },
    ]);
    expect(experts.map((e) => [e.line, e.name, e.fieldCodes, e.regionCode])).toEqual([
      [2, '王明', ['EF03', 'EF04'], '150100'],
      [3, '李华', ['NM'], '150200'],
      [4, '', [], null],
    ]);
    expect(experts[0]).not.toHaveProperty('identityHash');
    expect(issues.filter((i) => i.line === 2)).toEqual([]);
    expect(issues.filter((i) => i.line === 3).map((i) => i.column)).toEqual(['identityNumber']);
    expect(issues.filter((i) => i.line === 4).map((i) => i.column).sort()).toEqual(['available', 'employerUscc', 'field', 'fieldCodes', 'identityType', 'mobile', 'name', 'regionCode']);
  });

  it('M11.1 refuses a sheet without the required header columns', () => {
    const { experts, issues } = readExpertRows([{ line: 1, cells: ['姓名', '工作单位'] }]);
    expect(experts).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('证件号码') })]);
  });
});
