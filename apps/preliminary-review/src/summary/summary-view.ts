import type { SummarySupplementV1, SummaryViewV1 } from '@firstset/contracts';
import { compareDates, DEFAULT_RECOMMENDING_BODIES, LocalDate, toShanghaiDate } from '@firstset/domain';
import { SummaryEntryV1 } from '@firstset/contracts';
import { Batch, Summary } from '../generated/prisma/client';

export type SummaryView = SummaryViewV1;

export const prefectureName = (id: string) => DEFAULT_RECOMMENDING_BODIES.find((b) => b.id === id)?.nameZh ?? id;

const supplementView = (s: Summary): SummarySupplementV1 => ({
  summaryId: s.id,
  sequence: s.sequence,
  signedOffBy: s.signedOffBy,
  signerName: s.signerName,
  submittedAt: s.submittedAt.toISOString(),
  entries: s.entries as unknown as SummaryEntryV1[],
});

/** The first summary's view lists its supplements and what a supplement would carry now; a supplement's view is itself. */
export interface SummaryViewExtras {
  sequence?: number;
  supplements?: Summary[];
  pendingSupplement?: SummaryEntryV1[];
}

export function toSummaryView(batch: Batch, prefectureId: string, summary: Summary | null, entries: SummaryEntryV1[], now: Date, extras: SummaryViewExtras = {}): SummaryView {
  const sequence = summary?.sequence ?? extras.sequence ?? 0;
  return {
    batchId: batch.id,
    batchName: batch.name,
    year: batch.year,
    prefectureId,
    prefectureName: prefectureName(prefectureId),
    prefectureDeadline: batch.prefectureDeadline,
    status: summary ? 'SUBMITTED' : 'DRAFT',
    // The deadline binds the first summary only: a supplement follows the correction deadlines.
    late: !summary && sequence === 0 && compareDates(toShanghaiDate(now), batch.prefectureDeadline as LocalDate) > 0,
    summaryId: summary?.id ?? null,
    signedOffBy: summary?.signedOffBy ?? null,
    signerName: summary?.signerName ?? null,
    submittedAt: summary?.submittedAt.toISOString() ?? null,
    entries,
    sequence,
    supplements: (extras.supplements ?? []).map(supplementView),
    pendingSupplement: extras.pendingSupplement ?? [],
  };
}
