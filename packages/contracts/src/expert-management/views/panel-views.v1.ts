/** Why a seat was proposed, left empty, or an expert cannot take it: in both languages. */
export interface PanelReasonV1 {
  code: string;
  zh: string;
  en: string;
}

/** One proposed seat of a panel. */
export interface PanelSeatViewV1 {
  expertId: string;
  expertName: string;
  /** The expert works in the application's field (M4.2 code, "NM" for new materials). */
  fieldMatch: boolean;
  /** The expert's load in the batch once the run is confirmed, counting the whole proposal. */
  loadAfter: number;
  reasonZh: string;
  reasonEn: string;
  /** The institution chose this expert by hand instead of the solver. */
  adjusted: boolean;
}

/** The panel proposed for one application. */
export interface PanelApplicationViewV1 {
  applicationId: string;
  applicationNo: string;
  productName: string;
  enterpriseName: string;
  fieldCode: string | null;
  /** The commission holding the case when proposed: assignments are made under it. */
  commissionId: string;
  /** Experts already active on the case, kept (a replacement proposes only the missing seats). */
  kept: Array<{ expertId: string; expertName: string; fieldMatch: boolean }>;
  proposed: PanelSeatViewV1[];
  /** Seats left empty and field matches missing, with the reason. */
  shortfalls: Array<{ kind: string; seats: number; reasonZh: string; reasonEn: string }>;
}

/** A run of the panel solver: a dry run until confirmed (M8.1). */
export interface PanelRunViewV1 {
  id: string;
  batchId: string;
  seed: string;
  panelSize: number;
  fieldMatchesRequired: number;
  maxLoadPerExpert: number;
  proposedAt: string;
  proposedBy: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  seatsWanted: number;
  seatsFilled: number;
  applications: PanelApplicationViewV1[];
  /** Assignments created by the confirmation. */
  assignmentsCreated?: number;
}

/** A case of the batch with its active panel. */
export interface PanelCaseViewV1 {
  applicationId: string;
  applicationNo: string;
  productName: string;
  enterpriseName: string;
  fieldCode: string | null;
  state: string;
  activeExperts: Array<{ expertId: string; expertName: string }>;
  panelSize: number;
  /** Fewer active experts than the panel size. */
  needsExperts: boolean;
  /** Fewer than the panel size after an expert recused or was excluded: a replacement is due. */
  needsReplacement: boolean;
}

export interface PanelOverviewV1 {
  /** Batches the institution's open commissions hold, newest commission first. */
  batches: Array<{ batchId: string; commissionIds: string[]; commissionedAt: string }>;
  batchId: string | null;
  cases: PanelCaseViewV1[];
  /** The newest run of the batch (dry run or confirmed), if any. */
  latestRun: PanelRunViewV1 | null;
}

/** An expert of the pool for one seat, with the reasons that keep them out (empty = eligible). */
export interface PanelCandidateViewV1 {
  expertId: string;
  name: string;
  title: string;
  fieldCodes: string[];
  fieldMatch: boolean;
  /** Active assignments in the batch, counting this run's proposal. */
  load: number;
  eligible: boolean;
  blockers: PanelReasonV1[];
}
