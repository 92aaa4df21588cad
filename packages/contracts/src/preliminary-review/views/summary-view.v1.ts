import type { SummaryEntryV1 } from '../events/summary-submitted.v1';

/** A prefecture's recommendation summary for a batch: sent, or what would be sent now. */
export interface SummaryViewV1 {
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
  /** 0 for the prefecture's summary, 1, 2… for a supplementary summary (补报). */
  sequence: number;
  /** The supplements sent after the first summary, in order (listed on the first summary's view). */
  supplements: SummarySupplementV1[];
  /** Applications recommended since the summary was sent and not yet in a supplement: what a supplement would carry now. */
  pendingSupplement: SummaryEntryV1[];
}

/** A supplementary summary (补报) as sent. */
export interface SummarySupplementV1 {
  summaryId: string;
  sequence: number;
  signedOffBy: string;
  signerName: string | null;
  submittedAt: string;
  entries: SummaryEntryV1[];
}

/** An export file carried in the reply (the gateway sends it as a download). */
export interface ExportedFileV1 {
  fileName: string;
  contentType: string;
  /** The file, base64. Exports travel in the reply: see MAX_EXPORT_BYTES. */
  base64: string;
}

/** One prefecture's progress in a batch, for the Department. */
export interface PrefectureProgressV1 {
  prefectureId: string;
  prefectureName: string;
  received: number;
  inReview: number;
  returned: number;
  rejected: number;
  recommended: number;
  withdrawn: number;
  summarySubmittedAt: string | null;
  /** Supplementary summaries (补报) sent after it. */
  supplements: number;
  /** No summary and the prefecture deadline has passed. */
  late: boolean;
}

export interface ProgressViewV1 {
  batchId: string;
  prefectureDeadline: string;
  prefectures: PrefectureProgressV1[];
}
