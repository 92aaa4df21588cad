import type { InstitutionBanViewV1, ExpertDisqualificationViewV1 } from '@firstset/contracts';
import { ExpertDisqualification, InstitutionBan } from '../generated/prisma/client';

export type InstitutionBanView = InstitutionBanViewV1;

export const toInstitutionBanView = (b: InstitutionBan): InstitutionBanView => ({
  banId: b.id,
  institutionId: b.institutionId,
  institutionUscc: b.institutionUscc,
  error: b.error,
  decisionDate: b.decisionDate,
  startsOn: b.startsOn,
  endsOn: b.endsOn,
});

export type ExpertDisqualificationView = ExpertDisqualificationViewV1;

export const toExpertDisqualificationView = (d: ExpertDisqualification): ExpertDisqualificationView => ({
  disqualificationId: d.id,
  expertId: d.expertId,
  misconduct: d.misconduct,
  detail: d.detail,
  decisionDate: d.decisionDate,
  liftedOn: d.liftedOn,
});
