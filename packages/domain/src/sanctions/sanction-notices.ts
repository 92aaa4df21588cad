import type { Label } from '../lifecycle/vocabulary';
import { LocalDate, addDays, dateParts, daysInMonth, fromParts, parseLocalDate } from '../shared/local-date';
import { SANCTION_EFFECTS, SANCTION_MEASURE_LABELS, type SanctionMeasure, type SanctionPeriod } from './sanction-measures';

/** 《行政复议法》(2023) 第二十条: sixty days from the day the party learns of the decision. */
export const RECONSIDERATION_DAYS = 60;
/** 《行政诉讼法》第四十六条: six months from the day the party learns of the decision. */
export const LITIGATION_MONTHS = 6;

/** The corresponding day `months` later, or the month's last day when it has none (Civil Code Art. 202). */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = dateParts(parseLocalDate(date));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * The last days to seek administrative reconsideration or to sue against a decision notified on
 * `notifiedOn`. The period starts the next day (Civil Code Art. 201), so the last day is the
 * corresponding day after it.
 */
export function remedyDeadlines(notifiedOn: LocalDate): { reconsiderationBy: LocalDate; litigationBy: LocalDate } {
  const d = parseLocalDate(notifiedOn, 'notifiedOn');
  return { reconsiderationBy: addDays(d, RECONSIDERATION_DAYS), litigationBy: addMonthsClamped(d, LITIGATION_MONTHS) };
}

const periodZh = (p: SanctionPeriod) => (p.until ? `自 ${p.from} 起至 ${p.until} 止` : `自 ${p.from} 起`);
const periodEn = (p: SanctionPeriod) => (p.until ? `from ${p.from} to ${p.until} inclusive` : `from ${p.from}, with no end date`);

/** The notice of intended measure (告知书): the facts, the measure and its grounds, and the time to answer. */
export function hearingNoticeText(n: { subjectName: string; measure: SanctionMeasure; grounds: readonly string[]; facts: string; statementDeadline: LocalDate }): Label {
  const label = SANCTION_MEASURE_LABELS[n.measure];
  return {
    zh:
      `${n.subjectName}：经查，${n.facts}。依据《内蒙古自治区首台（套）重大技术装备、关键零部件和首批（次）新材料认定办法》（条款 ${n.grounds.join('、')}），` +
      `本厅拟对你方作出“${label.zh}”的处理（${SANCTION_EFFECTS[n.measure].zh}）。你方有权进行陈述、申辩，请于 ${n.statementDeadline} 前通过平台提交陈述、申辩意见及证据；` +
      `逾期未提交的，视为放弃陈述、申辩的权利。`,
    en:
      `${n.subjectName}: the Department intends to impose "${label.en}" (${SANCTION_EFFECTS[n.measure].en}) under Measures ${n.grounds.join(', ')}, on these facts: ${n.facts}. ` +
      `You may state your case with evidence through the platform until ${n.statementDeadline}; after that date you are taken to have waived it.`,
  };
}

/**
 * The decision notice: the measure, its reason, its period and end date, what it means, and the
 * remedies with their last days (the issue: "each notice says the measure, its reason, its period
 * and its end date").
 */
export function decisionNoticeText(n: { subjectName: string; measure: SanctionMeasure; grounds: readonly string[]; reasons: string; period: SanctionPeriod; notifiedOn: LocalDate }): Label {
  const label = SANCTION_MEASURE_LABELS[n.measure];
  const { reconsiderationBy, litigationBy } = remedyDeadlines(n.notifiedOn);
  return {
    zh:
      `${n.subjectName}：${n.reasons}。依据认定办法条款 ${n.grounds.join('、')}，本厅决定对你方作出“${label.zh}”的处理，期限${periodZh(n.period)}` +
      `${n.period.until ? '' : '（无固定期限）'}。处理期间，${SANCTION_EFFECTS[n.measure].zh}。` +
      `如不服本决定，可在 ${reconsiderationBy} 前依法申请行政复议，或在 ${litigationBy} 前依法向人民法院提起行政诉讼。`,
    en:
      `${n.subjectName}: ${n.reasons}. Under Measures ${n.grounds.join(', ')} the Department imposes "${label.en}", ${periodEn(n.period)}. ` +
      `While it is in force, ${SANCTION_EFFECTS[n.measure].en}. You may seek administrative reconsideration until ${reconsiderationBy} or sue in a people's court until ${litigationBy}.`,
  };
}

/** The notice to a party whose work or application is stopped by a sanction (the gates' notice). */
export function stoppedByNoticeText(n: { what: Label; measure: SanctionMeasure; reasons: string; period: SanctionPeriod }): Label {
  const label = SANCTION_MEASURE_LABELS[n.measure];
  return {
    zh: `${n.what.zh}已终止：因“${label.zh}”（${n.reasons}），期限${periodZh(n.period)}${n.period.until ? `，${n.period.until} 后可恢复` : ''}。`,
    en: `${n.what.en} has been stopped: "${label.en}" (${n.reasons}), ${periodEn(n.period)}.`,
  };
}
