import { INNER_MONGOLIA_DRAFT_PROFILE } from '../policy/inner-mongolia-draft';
import { parseLocalDate as d } from '../shared/local-date';
import { canMoveCase, caseIsOpen, checkCaseDecision, checkStatementDeadline, MeasureNotNotifiedError, StatementDeadlineTooSoonError, StatementPeriodOpenError } from './sanction-case';
import { interimMeasureFor, MEASURE_GROUNDS, MEASURE_SUBJECT, measuresDecidedTogether, SANCTION_MEASURES, sanctionPeriod } from './sanction-measures';
import { addMonthsClamped, decisionNoticeText, hearingNoticeText, remedyDeadlines, stoppedByNoticeText } from './sanction-notices';
import { canChangeSanction, sanctionBarsOn, sanctionStatusAt, type SanctionHistoryEvent } from './sanction-status';

const profile = INNER_MONGOLIA_DRAFT_PROFILE;

describe('sanction measures (M10.2, M10.3, M11.2)', () => {
  it('M10.2 M10.3 bans last the profile’s years from the decision date; a revocation and a disqualification (M11.2) have no term', () => {
    expect(sanctionPeriod('applicant_ban', d('2026-12-03'), profile)).toEqual({ from: '2026-12-03', until: '2029-12-03' });
    expect(sanctionPeriod('institution_ban', d('2024-02-29'), profile)).toEqual({ from: '2024-02-29', until: '2027-02-28' });
    expect(sanctionPeriod('institution_ban', d('2026-01-10'), { ...profile, institutionBanYears: 5 }).until).toBe('2031-01-10');
    expect(sanctionPeriod('recognition_revocation', d('2026-12-03'), profile)).toEqual({ from: '2026-12-03', until: null });
    expect(sanctionPeriod('expert_disqualification', d('2026-12-03'), profile).until).toBeNull();
  });

  it('M10.2 a revocation for improper means carries the applicant ban; the other measures stand alone', () => {
    expect(measuresDecidedTogether('recognition_revocation')).toEqual(['recognition_revocation', 'applicant_ban']);
    expect(measuresDecidedTogether('institution_ban')).toEqual(['institution_ban']);
  });

  it('each measure has its subject kind and its article, and only institutions and experts can be suspended from work', () => {
    expect(SANCTION_MEASURES.map((m) => [MEASURE_SUBJECT[m], MEASURE_GROUNDS[m]])).toEqual([
      ['recognition', 'M10.2'],
      ['enterprise', 'M10.2'],
      ['institution', 'M10.3'],
      ['expert', 'M11.2'],
    ]);
    expect(interimMeasureFor('institution')).toBe('institution_work_suspended');
    expect(interimMeasureFor('expert')).toBe('expert_work_suspended');
    expect(interimMeasureFor('enterprise')).toBeNull();
  });
});

describe('due process before a sanction', () => {
  it('moves a case only forward: notified before decided, nothing after a decision or a drop', () => {
    expect(canMoveCase('opened', 'decided')).toBe(false);
    expect(canMoveCase('opened', 'notified')).toBe(true);
    expect(canMoveCase('notified', 'decided')).toBe(true);
    expect(canMoveCase('decided', 'dropped')).toBe(false);
    expect(caseIsOpen('statement_received')).toBe(true);
    expect(caseIsOpen('dropped')).toBe(false);
  });

  it('gives the party at least five days to state its case, counted from the day after the notice', () => {
    expect(checkStatementDeadline(d('2026-12-03'), d('2026-12-08'))).toBe('2026-12-08');
    expect(() => checkStatementDeadline(d('2026-12-03'), d('2026-12-07'))).toThrow(StatementDeadlineTooSoonError);
    expect(() => checkStatementDeadline(d('2026-12-03'), '2026-12-32' as never)).toThrow('不是有效日期');
  });

  it('decides only once the party was heard or its time ran out, and only the measure it was told of', () => {
    const c = { status: 'notified' as const, intendedMeasure: 'applicant_ban' as const, statementDeadline: d('2026-12-10') };
    expect(() => checkCaseDecision(c, d('2026-12-10'), { sanction: 'applicant_ban' })).toThrow(StatementPeriodOpenError);
    expect(() => checkCaseDecision(c, d('2026-12-11'), { sanction: 'applicant_ban' })).not.toThrow();
    expect(() => checkCaseDecision({ ...c, status: 'statement_received' }, d('2026-12-04'), { sanction: null })).not.toThrow();
    expect(() => checkCaseDecision({ ...c, status: 'statement_received' }, d('2026-12-04'), { sanction: 'recognition_revocation' })).toThrow(MeasureNotNotifiedError);
  });
});

describe('a sanction’s status over time (the registry never stores it)', () => {
  const ban = { from: d('2026-12-03'), until: d('2029-12-03'), history: [{ kind: 'imposed', on: d('2026-12-03') }] as SanctionHistoryEvent[] };

  it('M10.2 is in force from its first to its last day included, and ends by itself the next day', () => {
    expect(sanctionStatusAt(ban, d('2026-12-02'))).toBe('not_yet');
    expect(sanctionStatusAt(ban, d('2026-12-03'))).toBe('in_force');
    expect(sanctionStatusAt(ban, d('2029-12-03'))).toBe('in_force');
    expect(sanctionStatusAt(ban, d('2029-12-04'))).toBe('ended');
    expect(sanctionBarsOn(ban, d('2029-12-03'))).toBe(true);
    expect(sanctionBarsOn(ban, d('2029-12-04'))).toBe(false);
  });

  it('is suspended and resumed, lifted early, or set aside, each from its day and never before', () => {
    const suspended = { ...ban, history: [...ban.history, { kind: 'suspended', on: d('2027-01-10') }, { kind: 'resumed', on: d('2027-03-01') }] as SanctionHistoryEvent[] };
    expect(sanctionStatusAt(suspended, d('2027-01-09'))).toBe('in_force');
    expect(sanctionStatusAt(suspended, d('2027-01-10'))).toBe('suspended');
    expect(sanctionBarsOn(suspended, d('2027-02-01'))).toBe(false);
    expect(sanctionStatusAt(suspended, d('2027-03-01'))).toBe('in_force');
    const lifted = { ...ban, history: [...ban.history, { kind: 'lifted', on: d('2028-06-01') }] as SanctionHistoryEvent[] };
    expect(sanctionStatusAt(lifted, d('2028-05-31'))).toBe('in_force');
    expect(sanctionStatusAt(lifted, d('2028-06-01'))).toBe('lifted');
    expect(sanctionStatusAt(lifted, d('2031-01-01'))).toBe('lifted');
    const setAside = { from: d('2026-12-03'), until: null, history: [{ kind: 'set_aside', on: d('2027-02-01') }] as SanctionHistoryEvent[] };
    expect(sanctionStatusAt(setAside, d('2040-01-01'))).toBe('set_aside');
  });

  it('accepts only the changes its status on that day allows', () => {
    expect(canChangeSanction(ban, d('2027-01-01'), 'suspended')).toBe(true);
    expect(canChangeSanction(ban, d('2027-01-01'), 'resumed')).toBe(false);
    expect(canChangeSanction(ban, d('2030-01-01'), 'lifted')).toBe(false);
    expect(canChangeSanction(ban, d('2030-01-01'), 'set_aside')).toBe(true);
    const lifted = { ...ban, history: [...ban.history, { kind: 'lifted', on: d('2028-06-01') }] as SanctionHistoryEvent[] };
    expect(canChangeSanction(lifted, d('2028-07-01'), 'suspended')).toBe(false);
  });
});

describe('notices say the measure, the reason, the period, its end and the remedies', () => {
  it('counts the remedies’ periods from the day after the notice, months to the corresponding day', () => {
    expect(remedyDeadlines(d('2026-12-03'))).toEqual({ reconsiderationBy: '2027-02-01', litigationBy: '2027-06-03' });
    expect(addMonthsClamped(d('2026-08-31'), 6)).toBe('2027-02-28');
    expect(addMonthsClamped(d('2027-08-31'), 6)).toBe('2028-02-29');
    expect(addMonthsClamped(d('2026-12-15'), 1)).toBe('2027-01-15');
  });

  it('M10.2 the decision notice gives the period, its end, what it means and both remedies', () => {
    const n = decisionNoticeText({
      subjectName: '内蒙古北方重型装备有限公司',
      measure: 'applicant_ban',
      grounds: ['M10.2'],
      reasons: '申报材料中的销售合同系伪造',
      period: { from: d('2026-12-03'), until: d('2029-12-03') },
      notifiedOn: d('2026-12-03'),
    });
    expect(n.zh).toContain('自 2026-12-03 起至 2029-12-03 止');
    expect(n.zh).toContain('正在办理中的申报终止办理');
    expect(n.zh).toContain('2027-02-01 前依法申请行政复议');
    expect(n.zh).toContain('2027-06-03 前依法向人民法院提起行政诉讼');
    expect(n.en).toContain('until 2027-02-01');
  });

  it('M11.2 a disqualification’s notice says it has no end date; the hearing notice gives the deadline', () => {
    const n = decisionNoticeText({ subjectName: '王明', measure: 'expert_disqualification', grounds: ['M11.2'], reasons: '泄露申报产品技术秘密', period: { from: d('2026-12-03'), until: null }, notifiedOn: d('2026-12-03') });
    expect(n.zh).toContain('（无固定期限）');
    const h = hearingNoticeText({ subjectName: '王明', measure: 'expert_disqualification', grounds: ['M11.2'], facts: '评审期间向第三方提供申报资料', statementDeadline: d('2026-12-10') });
    expect(h.zh).toContain('请于 2026-12-10 前');
    expect(h.zh).toContain('取消评审专家资格');
    const s = stoppedByNoticeText({ what: { zh: '申报 NM-2026-001', en: 'Application NM-2026-001' }, measure: 'applicant_ban', reasons: '提供虚假材料', period: { from: d('2026-12-03'), until: d('2029-12-03') } });
    expect(s.zh).toContain('2029-12-03 后可恢复');
  });
});
