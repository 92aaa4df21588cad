/** The enterprise's tracking report (M12.2). */
export interface TrackingReportV1 {
  unitsSold: number;
  salesRevenueYuan: number;
  customers: string[];
  performance: string;
  problems: string;
  reportedAt: string;
}

/** A file attached to the enterprise's tracking report (M12.2): PDF, JPEG or PNG by content. */
export interface TrackingAttachmentV1 {
  fileName: string;
  /** The type decided by content: `pdf`, `jpg` or `png`. */
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

/** A tracking evaluation (M12.2; ADR 0026). The enterprise reads it without the prefecture's findings. */
export interface TrackingEvaluationViewV1 {
  id: string;
  recognitionId: string;
  year: number;
  prefectureId: string;
  uscc: string;
  enterpriseName: string;
  productName: string;
  model: string;
  documentNo: string;
  status: 'requested' | 'reported' | 'concluded';
  dueOn: string;
  note: string;
  requestedAt: string;
  report: TrackingReportV1 | null;
  /** The files the enterprise attached to its report (added while requested, before the due date). */
  attachments: TrackingAttachmentV1[];
  conclusion: 'good' | 'issues_found' | 'serious_problem' | null;
  findings: string | null;
  /** Concluded after the due date without the enterprise's report. */
  withoutReport: boolean;
  concludedOn: string | null;
  version: number;
}

/** One page of tracking evaluations. */
export interface TrackingEvaluationPageV1 {
  items: TrackingEvaluationViewV1[];
  total: number;
  page: number;
  pageSize: number;
}

/** A valid recognized product of the prefecture's area, with the year's evaluation if any. */
export interface TrackableRecognitionV1 {
  recognitionId: string;
  uscc: string;
  enterpriseName: string;
  productName: string;
  model: string;
  documentNo: string;
  documentDate: string;
  validUntil: string;
  evaluation: { id: string; status: TrackingEvaluationViewV1['status']; dueOn: string } | null;
}

/** One page of recognized products to evaluate. */
export interface TrackableRecognitionPageV1 {
  items: TrackableRecognitionV1[];
  total: number;
  page: number;
  year: number;
  pageSize: number;
}
