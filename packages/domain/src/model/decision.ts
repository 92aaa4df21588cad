import { ProductKind } from './product';
import { LocalDate } from '../shared/local-date';
import { PublicityPeriod } from '../periods/publicity';
import { RecognitionValidity } from '../periods/validity';

/** The list the Department decides from expert opinions and on-site results (M9.1). */
export interface DecisionList {
  id: string;
  batchId: string;
  decidedOn: LocalDate;
  entries: Array<{
    applicationId: string;
    applicantUscc: string;
    productNameZh: string;
    productKind: ProductKind;
  }>;
}

/** Online publicity of the list (M9.2), with both dates and the counting rule recorded. */
export interface Publicity {
  decisionListId: string;
  url: string;
  period: PublicityPeriod;
}

/** A named objection with evidence (the Measures are silent; see docs/domain.md). */
export interface Objection {
  id: string;
  applicationId: string;
  objectorName: string;
  objectorContact: string;
  grounds: string;
  evidenceSha256: string[];
  lodgedAt: Date;
  outcome: 'open' | 'upheld' | 'dismissed';
  outcomeReason?: string;
  decidedAt?: Date;
}

/** The recognition document issued and announced after a publicity without objection (M9.3). */
export interface RecognitionDocument {
  id: string;
  /** Document number, e.g. 内工信装工字〔2026〕N号. */
  documentNumber: string;
  documentDate: LocalDate;
  applicationIds: string[];
}

/** One recognized product (M13.1 list kept up to date; M13.2 validity). */
export interface Recognition {
  id: string;
  applicationId: string;
  applicantUscc: string;
  productKind: ProductKind;
  productNameZh: string;
  series: string;
  model: string;
  recognitionDocumentId: string;
  validity: RecognitionValidity;
  revokedOn?: LocalDate;
}
