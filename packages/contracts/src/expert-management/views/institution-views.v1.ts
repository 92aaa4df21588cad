/** A commission as the Department reads it: scope, state, the cases it holds, its end (M8.1). */
export interface CommissionDetailViewV1 {
  id: string;
  batchId: string;
  institutionId: string;
  institutionName: string;
  /** Product kinds covered; empty = every kind. */
  productKinds: string[];
  /** M4.2 field codes covered; empty = every field. */
  fieldCodes: string[];
  commissionedAt: string;
  commissionedBy: string;
  state: 'open' | 'ended';
  endedAt: string | null;
  endedBy: string | null;
  endReason: string | null;
  /** The commission that took over this one's cases. */
  replacedById: string | null;
  /** Cases the commission holds now (0 once ended). */
  casesHeld: number;
}

/** A third-party institution's full record (M8.1) with its ban (M10.3) and commissions. */
export interface InstitutionDetailV1 {
  id: string;
  name: string;
  uscc: string;
  qualification: string;
  qualificationNo: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  address: string | null;
  bannedUntil: string | null;
  banned: boolean;
  registeredAt: string | null;
  version: number;
  commissions: CommissionDetailViewV1[];
}

/** What ending a commission did: the ended one, its replacement, and where the cases went. */
export interface CommissionEndedV1 {
  ended: CommissionDetailViewV1;
  replacement: CommissionDetailViewV1 | null;
  /** Cases moved to the replacement. */
  movedApplicationIds: string[];
  /** Cases now waiting for a new commission. */
  waitingApplicationIds: string[];
  /** Assignments of the old institution's experts now excluded. */
  excludedAssignments: number;
}

/** The answer to a service's lookup of an institution or expert named by a sanction (ADR 0019). */
export interface SanctionSubjectV1 {
  known: boolean;
  id: string | null;
  name: string | null;
}
