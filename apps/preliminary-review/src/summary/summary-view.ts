import { compareDates, DEFAULT_RECOMMENDING_BODIES, LocalDate, toShanghaiDate } from '@firstset/domain';
import { SummaryEntryV1 } from '@firstset/contracts';
import { Batch, Summary } from '../generated/prisma/client';

export interface SummaryView {
  batchId: string;
  batchName: string;
  year: number;
  prefectureId: string;
  prefectureName: string;
  prefectureDeadline: string;
  /** SUBMITTED once sent; DRAFT shows what would be sent now. */
  status: 'SUBMITTED' | 'DRAFT';
  /** Not sent and the deadline has passed. */
  late: boolean;
  summaryId: string | null;
  signedOffBy: string | null;
  signerName: string | null;
  submittedAt: string | null;
  entries: SummaryEntryV1[];
}

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
