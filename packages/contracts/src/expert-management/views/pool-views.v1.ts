import type { ExpertViewV1 } from './review-views.v1';

/** A tie the expert declared (M11.1), as recorded. */
export interface ExpertTieViewV1 {
  id: string;
  kind: string;
  counterpartyName: string;
  counterpartyUscc: string | null;
  from: string | null;
  until: string | null;
  note: string | null;
  declaredBy: string;
  declaredAt: string;
}

/** An expert of the pool with every field the institution keeps, never the identity number (its last 4 characters only). */
export interface ExpertDetailV1 extends ExpertViewV1 {
  institutionId: string;
  identityType: string | null;
  mobile: string | null;
  employerUscc: string | null;
  ties: ExpertTieViewV1[];
}

/** One row of a pool spreadsheet as read (the identity number reduced to its last 4 characters). */
export interface ExpertImportRowV1 {
  line: number;
  name: string;
  identityType: string;
  identityTail: string;
  mobile: string | null;
  employerName: string;
  employerUscc: string | null;
  title: string;
  fieldCodes: string[];
  field: string;
  regionCode: string | null;
  available: boolean;
}

export interface ExpertImportIssueV1 {
  line: number;
  column?: string;
  message: string;
  messageEn: string;
}

/** A preview (committed false) or the kept import: every row, every problem at its row and column. */
export interface ExpertImportV1 {
  committed: boolean;
  imported: number;
  rows: ExpertImportRowV1[];
  issues: ExpertImportIssueV1[];
}

/** A conflict of an expert with an application (M11.1), with its reason in both languages. */
export interface ConflictViewV1 {
  /** declared: the expert's ties or what they declared; detected: what the records show. */
  source: 'declared' | 'detected';
  kind: string;
  reasonZh: string;
  reasonEn: string;
  /** Recorded in the Conflict table (pinned by the institution, or declared on assignment). */
  recorded: boolean;
  recordedAt: string | null;
}

export interface CaseRefViewV1 {
  applicationId: string;
  applicationNo: string;
  enterpriseName: string;
  productName: string;
  fieldCode: string | null;
  state: string;
}

/** Every expert of the institution's pool against one case (the conflicted first). */
export interface CaseConflictsV1 extends CaseRefViewV1 {
  experts: Array<{ expertId: string; name: string; employerName: string; conflicts: ConflictViewV1[] }>;
}

/** One expert against every case the institution holds (only the cases with a conflict). */
export interface ExpertConflictsV1 {
  expertId: string;
  name: string;
  cases: Array<CaseRefViewV1 & { conflicts: ConflictViewV1[] }>;
}
