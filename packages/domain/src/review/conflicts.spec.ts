import { parseLocalDate } from '../shared/local-date';
import { conflictsOf, ConflictExpert, ConflictParty, normalizeOrgName } from './conflicts';
import { INNER_MONGOLIA_REVIEW } from './review-profile';

const today = parseLocalDate('2026-12-02');
const rules = INNER_MONGOLIA_REVIEW;
const NORTHSTEEL = { name: '包头北方重型装备有限公司', uscc: '91150200MA0N4KXX4C' };
const party: ConflictParty = {
  applicationId: 'app-1',
  enterprise: NORTHSTEEL,
  group: [{ name: '北方重工集团有限公司', uscc: '91150200MA0GROUP0X' }],
  partners: [{ name: '内蒙古科技大学' }],
  prefectureId: '150200',
};
const expert = (over: Partial<ConflictExpert> = {}): ConflictExpert => ({ id: 'e1', employerName: '内蒙古工业大学', employerUscc: null, regionCode: '150100', ties: [], ...over });
const kinds = (e: ConflictExpert, r = rules) => conflictsOf(e, party, r, today).map((c) => `${c.source}:${c.kind}`);

describe('M11.1 conflicts between an expert and an application', () => {
  it('finds none for an unrelated expert', () => {
    expect(conflictsOf(expert(), party, rules, today)).toEqual([]);
  });

  it('M11.1 detects the same employer by USCC, and by name with full-width brackets and spaces folded', () => {
    expect(kinds(expert({ employerName: '别名', employerUscc: NORTHSTEEL.uscc }))).toEqual(['detected:same_employer']);
    expect(kinds(expert({ employerName: ' 包头北方重型装备有限公司 ' }))).toEqual(['detected:same_employer']);
    expect(normalizeOrgName('某某（集团）有限公司')).toBe(normalizeOrgName('某某(集团) 有限公司'));
  });

  it('M11.1 detects the applicant\'s group and its listed partners or licensors', () => {
    expect(kinds(expert({ employerName: '北方重工集团有限公司', employerUscc: '91150200MA0GROUP0X' }))).toEqual(['detected:same_group']);
    expect(kinds(expert({ employerName: '内蒙古科技大学' }))).toEqual(['detected:partner']);
  });

  it('M11.1 a former employer counts within the profile\'s years, not after them', () => {
    const left = (until: string) => expert({ ties: [{ kind: 'employment', counterpartyName: NORTHSTEEL.name, from: parseLocalDate('2015-01-01'), until: parseLocalDate(until) }] });
    expect(kinds(left('2024-06-30'))).toEqual(['detected:former_employer']);
    expect(kinds(left('2023-12-02'))).toEqual(['detected:former_employer']); // exactly 3 years ago: still inside
    expect(kinds(left('2023-12-01'))).toEqual([]);
    expect(kinds(left('2021-06-30'), { ...rules, formerEmployerYears: 6 })).toEqual(['detected:former_employer']);
    const reason = conflictsOf(left('2024-06-30'), party, rules, today)[0];
    expect(reason.reasonZh).toContain('2024-06-30');
    expect(reason.reasonEn).toContain('within 3 years');
  });

  it('M11.1 an open employment record at the enterprise is a current employer even when the employer field says otherwise', () => {
    expect(kinds(expert({ ties: [{ kind: 'employment', counterpartyName: NORTHSTEEL.name, from: parseLocalDate('2020-01-01'), until: null }] }))).toEqual(['detected:same_employer']);
  });

  it('M11.1 declared ties with the enterprise, its group or a partner are declared conflicts with their note; ties elsewhere are not', () => {
    const e = expert({
      ties: [
        { kind: 'coauthorship', counterpartyName: '内蒙古科技大学', note: '2024 年合作论文' },
        { kind: 'family', counterpartyName: NORTHSTEEL.name, counterpartyUscc: NORTHSTEEL.uscc },
        { kind: 'equity', counterpartyName: '无关公司' },
      ],
    });
    const found = conflictsOf(e, party, rules, today);
    expect(found.map((c) => c.kind)).toEqual(['declared_tie', 'declared_tie']);
    expect(found[0].reasonZh).toContain('合作发表：2024 年合作论文');
    expect(found[1].reasonEn).toContain('a family tie');
  });

  it('M11.1 the same prefecture is a conflict only when the profile says so', () => {
    const local = expert({ regionCode: '150200' });
    expect(kinds(local)).toEqual([]);
    expect(kinds(local, { ...rules, samePrefectureConflict: true })).toEqual(['detected:same_prefecture']);
  });
});
