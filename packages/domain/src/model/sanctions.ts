import { Ban } from '../periods/bans';
import { LocalDate } from '../shared/local-date';

/** M10.2: revocation of a recognition obtained by improper means; carries the applicant ban. */
export interface Revocation {
  recognitionId: string;
  decisionDate: LocalDate;
  reason: string;
  applicantBan: Ban;
}

/** M10.3: major error by a third-party institution. */
export interface InstitutionSanction {
  institutionUscc: string;
  decisionDate: LocalDate;
  error: string;
  ban: Ban;
}

/** M11.2: expert disqualified for leaking secrets or taking an applicant's results. */
export interface ExpertSanction {
  expertId: string;
  decisionDate: LocalDate;
  misconduct: 'leaked_technical_secrets' | 'took_applicant_results';
  detail: string;
  disqualification: Ban;
}
