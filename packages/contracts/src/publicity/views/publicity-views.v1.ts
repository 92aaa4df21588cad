import type { LabelV1 } from '../../common/views/label.v1';

/** An application that passed the comprehensive review, a candidate for the decision list. */
export interface CandidateViewV1 {
  applicationId: string;
  batchId: string;
  applicationNo: string;
  prefectureId: string;
  enterprise: { uscc: string; name: string };
  product: { kind: string; name: string; series: string; model: string };
  score: number;
  opinion: string;
  reviewedAt: string;
  state: string;
  stateLabel: LabelV1;
  /** The institution's signed comprehensive review report (issue 17); null for reviews before it. */
  report: CandidateReportV1 | null;
}

/** The report as the candidates view keeps it (M9.1). */
export interface CandidateReportV1 {
  recommendation: string;
  recommendationLabel: LabelV1;
  reasons: string;
  criterionMeans: { criterionId: string; nameZh: string; mean: number }[];
  siteConclusions: { visitOn: string; conclusion: string; conclusionLabel: LabelV1; note: string | null }[];
  signedAt: string;
  signedByName: string | null;
}

/** The Department's decision list for a batch, frozen when decided (M9.1). */
export interface DecisionListViewV1 {
  id: string;
  batchId: string;
  status: string;
  decidedOn: string;
  applicationIds: string[];
  /** The deliberation record: who, at which meeting, on which day, with which notes. */
  decidedByName: string;
  meetingRef: string;
  meetingOn: string | null;
  deliberation: string;
  /** Hex SHA-256 of the frozen entries' canonical text (domain `canonicalListContent`). */
  contentHash: string;
  /** For `expectedVersion` of the commands on the list (withdrawal). */
  version: number;
  /** A list withdrawn before publication (status WITHDRAWN): by whom, when, why; `applicationIds` are those it held. */
  withdrawal: { at: string; byName: string; reason: string } | null;
}

/** What a batch's decision made (M9.1): the list of the selected (none when nobody was), and the others. */
export interface BatchDecisionViewV1 {
  batchId: string;
  decidedOn: string;
  list: DecisionListViewV1 | null;
  selected: string[];
  notSelected: Array<{ applicationId: string; reason: string }>;
}

/** One entry of a public notice, exactly as frozen at the decision (M9.1, M9.2). */
export interface PublicNoticeEntryV1 {
  /** The entry's id: what an objection names (`/public/objections/new?entry=<id>`). */
  id: string;
  seq: number;
  applicationNo: string;
  enterpriseName: string;
  uscc: string;
  prefectureId: string;
  productKind: string;
  productName: string;
  series: string;
  model: string;
}

/** A public notice in the list of current and past notices. */
export interface PublicNoticeSummaryV1 {
  id: string;
  decisionListId: string;
  batchId: string;
  /** The batch's name when publicity knows it, else the year of the decision. */
  title: string;
  publicationDate: string;
  startDate: string;
  endDate: string;
  status: 'open' | 'closed';
  entryCount: number;
  /** The recognition documents issued from the list, in order (M9.3): public, with their PDF. */
  documents: Array<{ id: string; kind: 'main' | 'supplementary'; documentNo: string; documentDate: string }>;
}

/** A public notice (M9.2): what anyone sees, without scores, reports or reviewers. */
export interface PublicNoticeV1 extends PublicNoticeSummaryV1 {
  decidedOn: string;
  workingDays: number;
  /** The instants objections open and end. */
  startsAt: string | null;
  endsAt: string;
  countingRule: LabelV1;
  /** The calendar years the period was counted on, with their source. */
  calendarUsed: Array<{ year: number; source: string }>;
  contact: Record<string, string>;
  contentHash: string;
  /** The frozen entries as stored; the hash is over their canonical text. */
  entries: PublicNoticeEntryV1[];
  /** Whether objections may be lodged now (during the publicity). */
  objectionsOpen: boolean;
}

/** A publicity of a decision list: five working days (M9.2). */
export interface PublicityViewV1 {
  id: string;
  decisionListId: string;
  publicationDate: string;
  /** Working day 1 and the last working day of the publicity, both included (M9.2). */
  startDate: string;
  endDate: string;
  workingDays: number;
  /** The instant the publicity is over: 00:00 China time the day after endDate. */
  endsAt: string;
  countingRule: LabelV1;
  status: string;
}

export interface PublishedListV1 extends PublicityViewV1 {
  applicationIds: string[];
}

/** A decision list with its publicity and recognition document, once there are. */
/**
 * A list as the Department's overview shows it: its entries counted, not named (a year's lists
 * named every application and outgrew a bus message, 2.3 MB at 100,000 applications). The names
 * travel with the decision itself (`BatchDecisionViewV1`) and the public notice.
 */
export interface DecisionListSummaryV1 extends Omit<DecisionListViewV1, 'applicationIds'> {
  /** Entries frozen in the list; for a withdrawn list, the applications it held. */
  entryCount: number;
  publicity: PublicityViewV1 | null;
  document: { documentNo: string; documentDate: string } | null;
}

/** The working-day calendar: which years are confirmed, and their holidays and make-up working days. */
export interface CalendarViewV1 {
  years: Array<{ year: number; confirmed: boolean; source: string; confirmedAt: string | null }>;
  entries: Array<{ date: string; kind: string; nameZh: string }>;
}

export interface CalendarYearViewV1 {
  year: number;
  confirmed: boolean;
  source: string;
  holidays: number;
  makeupWorkdays: number;
}

/** A recognition in the public registry (M13.1), with its status today (M13.2, M10.2). */
export interface PublicRecognitionViewV1 {
  id: string;
  /** The entry's version, for an amendment (AmendRecognitionV1.expectedVersion). */
  version: number;
  enterpriseName: string;
  uscc: string;
  product: { kind: string; name: string; series: string; model: string };
  documentNo: string;
  documentDate: string;
  /** The product's certificate number, once certificates are issued for its document. */
  certificateNo: string | null;
  prefectureId: string;
  fieldCode: string | null;
  year: number;
  validFrom: string;
  validUntil: string;
  status: 'valid' | 'expired' | 'revoked' | 'not_yet_valid';
  /** The day the status began: the revocation's decision date, or the day after the last valid day. */
  statusSince: string | null;
}

export interface PublicRecognitionPageV1 {
  items: PublicRecognitionViewV1[];
  total: number;
  page: number;
  pageSize: number;
}

/** One event in a registry entry's history. */
export interface RecognitionEventViewV1 {
  kind: 'issued' | 'amended' | 'expired' | 'revoked';
  occurredOn: string;
  /** Amended: field → { before, after } and the reason; revoked: the public notice. */
  detail: Record<string, unknown>;
}

/** What the verification page answers for a document or certificate number (M13.1, M13.2). */
export interface RecognitionVerificationV1 {
  /** Which kind of number was asked for. */
  matched: 'certificate' | 'document';
  no: string;
  /** The day the status is computed for (Beijing). */
  checkedOn: string;
  document: { documentNo: string; documentDate: string; issuerZh: string; issuerEn: string };
  /** The certificate's product, or every product the document recognized. */
  recognitions: Array<PublicRecognitionViewV1 & { revocationNotice: string | null; history: RecognitionEventViewV1[] }>;
}

/** A registry entry's history for the Department and auditors. */
export interface RecognitionHistoryV1 {
  recognition: PublicRecognitionViewV1;
  events: Array<RecognitionEventViewV1 & { occurredAt: string; actorId: string }>;
}

/** A publicity closed (M9.3): its main document drafted (none when no entry was cleared) and the entries held. */
export interface ClosedPublicityV1 {
  publicityId: string;
  decisionListId: string;
  endDate: string;
  /** The main recognition document's draft: no number, no date until it is issued. */
  draftDocumentId: string | null;
  draftedApplicationIds: string[];
  /** Entries left out: an objection holds them, or they left the publicity. */
  heldBack: Array<{ applicationId: string; state: string; reason: string }>;
}

/** Publicities closed by the run (each with its draft) and those still running. */
export interface CloseDueResultV1 {
  closed: ClosedPublicityV1[];
  running: Array<{ publicityId: string; decisionListId: string; startDate: string; endDate: string; endsAt: string }>;
}

/** A recognized product of the officer's prefecture (M14), with the expiry notices sent about it (M13.2). */
export interface PrefectureRecognitionViewV1 extends PublicRecognitionViewV1 {
  /** The thresholds already notified (90, 30), in the order sent. */
  expiryNotices: number[];
}

export interface PrefectureRecognitionPageV1 {
  items: PrefectureRecognitionViewV1[];
  total: number;
  page: number;
  pageSize: number;
}

/** An expiry notice sent about a recognition of the prefecture (M13.2, M14). */
export interface PrefectureExpiryNoticeV1 {
  recognitionId: string;
  daysBefore: number;
  sentAt: string;
  validUntil: string;
  enterpriseName: string;
  productName: string;
  certificateNo: string | null;
}

/** The notices a run sent: one per recognition at most (the most urgent threshold reached). */
export interface ExpiryNoticeRunV1 {
  sent: Array<{ recognitionId: string; daysBefore: number; validUntil: string }>;
}

/** One entry of a recognition document, in list order. */
export interface RecognitionDocumentEntryV1 {
  applicationId: string;
  applicationNo: string;
  enterpriseName: string;
  productKind: string;
  productName: string;
  model: string;
  /** Once issued: the product's certificate number. */
  certificateNo: string | null;
}

/** A recognition document (M9.3): main or supplementary, a draft without number and date, or issued. */
export interface RecognitionDocumentViewV1 {
  id: string;
  decisionListId: string;
  kind: 'main' | 'supplementary';
  status: 'draft' | 'issued';
  title: string;
  body: string;
  issuerZh: string;
  entries: RecognitionDocumentEntryV1[];
  documentNo: string | null;
  documentDate: string | null;
  draftedAt: string | null;
  issuedAt: string | null;
  version: number;
}

/** An entry an objection still holds (M9.3): never stranded, always shown with its case. */
export interface HeldEntryV1 {
  applicationId: string;
  applicationNo: string;
  enterpriseName: string;
  productName: string;
  state: string;
  objections: Array<{ id: string; receiptNo: string | null; status: string; lodgedAt: string }>;
}

/** One publicity on the Department's issuing page (认定发文). */
export interface IssuingViewV1 {
  publicityId: string;
  decisionListId: string;
  batchId: string;
  startDate: string;
  endDate: string;
  endsAt: string;
  status: 'open' | 'closed';
  /** Whether the period is over, so a Department officer may close it now. */
  closable: boolean;
  closedAt: string | null;
  closedBy: string | null;
  documents: RecognitionDocumentViewV1[];
  held: HeldEntryV1[];
}
