import type { LabelV1 } from '../../common/views/label.v1';

/** What the objector keeps after lodging: the number to follow the case with (ADR 0025). */
export interface ObjectionReceiptV1 {
  receiptNo: string;
  lodgedAt: string;
  status: string;
  statusLabel: LabelV1;
}

/** A file of evidence or of an answer (stored by content; served to the Department only, audited). */
export interface ObjectionAttachmentV1 {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** What the objector sees of their own case: its status, dates and outcome, nothing of others'. */
export interface ObjectionFollowV1 {
  receiptNo: string;
  status: string;
  statusLabel: LabelV1;
  lodgedAt: string;
  entry: { applicationNo: string; enterpriseName: string; productName: string; model: string };
  attachments: ObjectionAttachmentV1[];
  assessedAt: string | null;
  /** The reasons an objection was found inadmissible (an admission's notes stay internal). */
  inadmissibleReason: string | null;
  decidedAt: string | null;
  outcomeReason: string | null;
}

/** A question put to a party about an objection, with its answer once given. */
export interface ObjectionInquiryViewV1 {
  id: string;
  party: string;
  partyLabel: LabelV1;
  partyRef: string;
  question: string;
  dueOn: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** Files the party attached to its answer (uploaded before it answers). */
  attachments: ObjectionAttachmentV1[];
}

/** An objection in the Department's table. */
export interface ObjectionSummaryV1 {
  id: string;
  receiptNo: string;
  decisionListId: string;
  applicationId: string;
  applicationNo: string;
  enterpriseName: string;
  productName: string;
  entryState: string;
  entryStateLabel: LabelV1;
  objectorName: string;
  objectorKind: string;
  status: string;
  statusLabel: LabelV1;
  lodgedAt: string;
  openInquiries: number;
  version: number;
}

/** One objection as the Department handles it. */
export interface ObjectionDetailV1 extends ObjectionSummaryV1 {
  phone: string;
  email: string | null;
  grounds: string;
  attachments: ObjectionAttachmentV1[];
  prefectureId: string;
  uscc: string;
  publicity: { startDate: string; endDate: string; status: string } | null;
  assessedAt: string | null;
  assessment: string | null;
  decidedAt: string | null;
  outcomeReason: string | null;
  inquiries: ObjectionInquiryViewV1[];
  /** What may be done next (domain OBJECTION_TRANSITIONS). */
  next: string[];
}

/** A question to the caller's party, with the entry it is about (never the objector's identity). */
export interface PartyInquiryViewV1 extends ObjectionInquiryViewV1 {
  objectionId: string;
  entry: { applicationNo: string; enterpriseName: string; productName: string; model: string };
  grounds: string;
}
