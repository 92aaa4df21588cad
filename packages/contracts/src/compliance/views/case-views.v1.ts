/** A compliance case as the Department and the auditor read it (ADR 0026). */
export interface ComplianceCaseViewV1 {
  id: string;
  caseNo: string;
  subjectKind: 'recognition' | 'institution' | 'expert';
  subjectId: string;
  subjectName: string;
  subjectUscc: string | null;
  intendedMeasure: string;
  grounds: string[];
  facts: string;
  source: string | null;
  status: 'opened' | 'notified' | 'statement_received' | 'decided' | 'dropped';
  statementDeadline: string | null;
  notifiedOn: string | null;
  /** The notice of the intended measure (告知书), as sent (Chinese, then English). */
  hearingNotice: string | null;
  statement: string | null;
  statementWaived: boolean;
  statementAt: string | null;
  /** `party` when the party stated its case in the platform, `officer` when an officer recorded it. */
  statementBy: 'party' | 'officer' | null;
  interim: { measure: string; from: string; endedOn: string | null } | null;
  outcome: 'sanction' | 'no_sanction' | 'dropped' | null;
  reasons: string | null;
  decisionDate: string | null;
  openedAt: string;
  version: number;
  /** The sanctions the decision imposed (a revocation with its applicant ban). */
  sanctionIds: string[];
}

/** One page of cases. */
export interface ComplianceCasePageV1 {
  items: ComplianceCaseViewV1[];
  total: number;
  page: number;
  pageSize: number;
}

/** One day of a sanction's history. */
export interface SanctionHistoryEntryV1 {
  kind: 'imposed' | 'suspended' | 'resumed' | 'lifted' | 'set_aside' | 'upheld';
  on: string;
  reason: string;
  recordedAt: string;
}

/** A sanction of the registry with its status today (computed, never stored). */
export interface SanctionRecordV1 {
  id: string;
  caseId: string;
  caseNo: string;
  measure: 'recognition_revocation' | 'applicant_ban' | 'institution_ban' | 'expert_disqualification';
  subjectKind: 'recognition' | 'enterprise' | 'institution' | 'expert';
  subjectId: string;
  subjectName: string;
  subjectUscc: string | null;
  grounds: string[];
  reasons: string;
  decisionDate: string;
  from: string;
  until: string | null;
  status: 'not_yet' | 'in_force' | 'suspended' | 'lifted' | 'set_aside' | 'ended';
  decisionNotice: string;
  version: number;
  history: SanctionHistoryEntryV1[];
}

/** One page of the registry. */
export interface SanctionPageV1 {
  items: SanctionRecordV1[];
  total: number;
  page: number;
  pageSize: number;
}

/** What the public list shows of a sanction in force: no facts, no evidence, no history. */
export interface PublicSanctionV1 {
  measure: SanctionRecordV1['measure'];
  subjectName: string;
  subjectUscc: string | null;
  grounds: string[];
  decisionDate: string;
  from: string;
  until: string | null;
}
