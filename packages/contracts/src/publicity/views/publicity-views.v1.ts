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
}

/** The Department's decision list for a batch. */
export interface DecisionListViewV1 {
  id: string;
  batchId: string;
  status: string;
  decidedOn: string;
  applicationIds: string[];
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
export interface DecisionListDetailViewV1 extends DecisionListViewV1 {
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

/** A recognition in the public registry. */
export interface PublicRecognitionViewV1 {
  enterpriseName: string;
  product: { kind: string; name: string; series: string; model: string };
  documentNo: string;
  documentDate: string;
  validFrom: string;
  validUntil: string;
}

/** Publicities closed by the run (with the recognitions issued) and those still running. */
export interface CloseDueResultV1 {
  closed: Array<{
    publicityId: string;
    decisionListId: string;
    endDate: string;
    documentNo: string | null;
    documentDate: string | null;
    recognitions: Array<{ recognitionId: string; applicationId: string; validFrom: string; validUntil: string }>;
    /** Entries not recognized: an objection is open or the application left the publicity. */
    heldBack: Array<{ applicationId: string; state: string; reason: string }>;
  }>;
  running: Array<{ publicityId: string; decisionListId: string; startDate: string; endDate: string; endsAt: string }>;
}
