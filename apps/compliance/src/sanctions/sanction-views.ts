import { ExpertDisqualification, InstitutionBan } from '../generated/prisma/client';

export interface InstitutionBanView {
  banId: string;
  institutionId: string;
  institutionUscc: string;
  error: string;
  decisionDate: string;
  /** First and last banned day, both included (M10.3). */
  startsOn: string;
  endsOn: string;
}

export const toInstitutionBanView = (b: InstitutionBan): InstitutionBanView => ({
  banId: b.id,
  institutionId: b.institutionId,
  institutionUscc: b.institutionUscc,
  error: b.error,
  decisionDate: b.decisionDate,
  startsOn: b.startsOn,
  endsOn: b.endsOn,
});

export interface ExpertDisqualificationView {
  disqualificationId: string;
  expertId: string;
  misconduct: string;
  detail: string;
  decisionDate: string;
  /** Disqualified until lifted (M11.2 gives no term); null while in force. */
  liftedOn: string | null;
}

export const toExpertDisqualificationView = (d: ExpertDisqualification): ExpertDisqualificationView => ({
  disqualificationId: d.id,
  expertId: d.expertId,
  misconduct: d.misconduct,
  detail: d.detail,
  decisionDate: d.decisionDate,
  liftedOn: d.liftedOn,
});
