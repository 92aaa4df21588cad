import type { SummaryViewV1 } from '@firstset/contracts';
import { compareDates, DEFAULT_RECOMMENDING_BODIES, LocalDate, toShanghaiDate } from '@firstset/domain';
import { SummaryEntryV1 } from '@firstset/contracts';
import { Batch, Summary } from '../generated/prisma/client';

export type SummaryView = SummaryViewV1;

export const prefectureName = (id: string) => DEFAULT_RECOMMENDING_BODIES.find((b) => b.id === id)?.nameZh ?? id;

export function toSummaryView(batch: Batch, prefectureId: string, summary: Summary | null, entries: SummaryEntryV1[], now: Date): SummaryView {
  return {
    batchId: batch.id,
    batchName: batch.name,
    year: batch.year,
    prefectureId,
    prefectureName: prefectureName(prefectureId),
    prefectureDeadline: batch.prefectureDeadline,
    status: summary ? 'SUBMITTED' : 'DRAFT',
    late: !summary && compareDates(toShanghaiDate(now), batch.prefectureDeadline as LocalDate) > 0,
    summaryId: summary?.id ?? null,
    signedOffBy: summary?.signedOffBy ?? null,
    signerName: summary?.signerName ?? null,
    submittedAt: summary?.submittedAt.toISOString() ?? null,
    entries,
  };
}
