import { LegalForm } from '../rules/eligibility';

/** An applicant enterprise (申请单位), bound to its unified social credit code. */
export interface Enterprise {
  uscc: string;
  nameZh: string;
  nameEn?: string;
  legalForm: LegalForm;
  /** Registered address and its division code: the address decides M5.1 and M7.2, not the USCC. */
  registeredAddress: string;
  registeredAddressDivisionCode: string;
  /** The recommending body it routes to (routeToRecommendingBody), e.g. '150200'. */
  recommendingBodyId: string;
  legalRepresentative?: string;
  contact: { name: string; phone: string; email?: string };
}
