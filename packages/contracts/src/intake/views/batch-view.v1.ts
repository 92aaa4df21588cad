/** An annual batch with its application window (M7.1). */
export interface BatchViewV1 {
  id: string;
  year: number;
  name: string;
  windowOpensAt: string;
  windowClosesAt: string;
  /** Local date by which prefectures send their recommendation summaries. */
  prefectureDeadline: string;
  /** M15: the policy profile the batch's applications are judged by. */
  policyProfileId: string;
  policyProfileVersion: string;
  policyProfileNameZh: string;
  policyProfileNameEn: string;
}

/** An extension or early close of the window, public with its reason (M7.1). */
export interface BatchWindowChangeV1 {
  kind: string;
  previousClosesAt: string;
  newClosesAt: string;
  reason: string;
  changedAt: string;
}

export interface BatchListEntryV1 extends BatchViewV1 {
  windowChanges: BatchWindowChangeV1[];
}
