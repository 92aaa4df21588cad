import { LocalDate, daysBetween, parseLocalDate } from '../shared/local-date';

/** Days before a recognition's last valid day on which the enterprise and its prefecture are told (M13.2, M14). */
export const EXPIRY_NOTICE_DAYS = [90, 30] as const;
export type ExpiryNoticeDays = (typeof EXPIRY_NOTICE_DAYS)[number];

/**
 * The expiry notice to send on `today` for a recognition valid until `validUntil`, given the
 * thresholds already sent: the most urgent threshold reached and not yet sent, or null. A
 * recognition first seen at 20 days left gets the 30-day notice only (never two at once); one
 * already expired gets none (its expiry is a status, not a notice).
 */
export function expiryNoticeDue(validUntil: LocalDate, today: LocalDate, sent: readonly number[]): ExpiryNoticeDays | null {
  const left = daysBetween(parseLocalDate(today, 'today'), parseLocalDate(validUntil, 'validUntil'));
  if (left < 0) return null;
  const reached = EXPIRY_NOTICE_DAYS.filter((d) => left <= d);
  if (reached.length === 0) return null;
  const mostUrgent = Math.min(...reached) as ExpiryNoticeDays;
  return sent.some((s) => s <= mostUrgent) ? null : mostUrgent;
}
