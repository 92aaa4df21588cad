import { LocalDate, parseLocalDate, toShanghaiDate } from '@firstset/domain';
import { domainRule } from '@firstset/service-kit';
import { ComplianceErrors } from './compliance.errors';

/** A sanction's decision date: today (China date) when omitted, never a day after today. */
export function decisionDateOf(input: string | undefined, now: Date): LocalDate {
  const today = toShanghaiDate(now);
  const date = domainRule(() => parseLocalDate(input ?? today, 'decisionDate'));
  if (date > today) throw ComplianceErrors.decisionDateInFuture(date, today);
  return date;
}
