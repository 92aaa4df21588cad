/** A recognition as compliance tracks it, with its status today (M13.2). */
export interface RecognitionViewV1 {
  recognitionId: string;
  applicationId: string;
  uscc: string;
  enterpriseName: string;
  product: { kind: string; name: string; series: string; model: string };
  documentNo: string;
  documentDate: string;
  validFrom: string;
  validUntil: string;
  state: string;
  /** Status today (M13.2): valid, expired or revoked (from the revocation's decision date). */
  status: 'not_yet_valid' | 'valid' | 'expired' | 'revoked';
  revocation: { revocationId: string; decisionDate: string; reason: string } | null;
}

export interface ApplicantBanViewV1 {
  banId: string;
  uscc: string;
  /** First and last banned day, both included (M10.2). */
  startsOn: string;
  endsOn: string;
  reason: string;
  revocationId: string;
  activeToday: boolean;
}

/** An institution ban (M10.3): the registry's, decided in a case, and those imposed before it. */
export interface InstitutionBanViewV1 {
  banId: string;
  institutionId: string;
  institutionUscc: string;
  error: string;
  decisionDate: string;
  /** First and last banned day, both included (M10.3). */
  startsOn: string;
  endsOn: string;
}

/** An expert disqualification (M11.2): the registry's, decided in a case, and those imposed before it. */
export interface ExpertDisqualificationViewV1 {
  disqualificationId: string;
  expertId: string;
  /** `leaked_technical_secrets` or `took_applicant_results` for those imposed before the registry; `M11.2` for the registry's. */
  misconduct: string;
  detail: string;
  decisionDate: string;
  /** Disqualified until lifted (M11.2 gives no term); null while in force. */
  liftedOn: string | null;
}

/** Recognitions the run marked expired (M13.2). */
export interface ExpiryRunV1 {
  expired: Array<{ recognitionId: string; applicationId: string; validUntil: string }>;
}
