import { compareDates, LocalDate, toShanghaiDate } from '@firstset/domain';
import { ReviewCase, Summary } from '../generated/prisma/client';

/**
 * A case may follow a sent summary in a supplement (补报, M7.3) when it came back from a return
 * whose correction deadline had not passed on the day the summary was sent: the enterprise was
 * still within its time, so the prefecture's recommendation must still reach the Department.
 */
export function supplementable(c: Pick<ReviewCase, 'resubmitted' | 'correctionDeadline'>, first: Pick<Summary, 'submittedAt'>): boolean {
  if (!c.resubmitted || !c.correctionDeadline) return false;
  return compareDates(c.correctionDeadline as LocalDate, toShanghaiDate(first.submittedAt)) >= 0;
}

/** The application ids a prefecture has already sent, in its summary and supplements. */
export const sentApplicationIds = (summaries: Array<Pick<Summary, 'entries'>>) =>
  new Set(summaries.flatMap((s) => (Array.isArray(s.entries) ? (s.entries as Array<{ applicationId: string }>) : []).map((e) => e.applicationId)));
