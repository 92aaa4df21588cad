import { ApplicationState } from '../lifecycle/vocabulary';
import { MaterialSlotId } from '../policy/material-requirement';
import { LocalDate } from '../shared/local-date';
import { CatalogueRef, Product } from './product';

/** One uploaded file in a material slot (M7.4); content lives in object storage, addressed by hash. */
export interface MaterialAttachment {
  slotId: MaterialSlotId;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  uploadedAt: Date;
}

/** An immutable snapshot taken at each (re)submission: what the prefecture reviewed. */
export interface ApplicationVersion {
  version: number;
  submittedAt: Date;
  /** The Asia/Shanghai date of submission: the “申报时间” of M6.5. */
  applicationDate: LocalDate;
  product: Product;
  rdCompletionDate: LocalDate;
  ipSharedBySeveralParties: boolean;
  productionLicenceApplies: boolean;
  cccApplies: boolean;
  materials: MaterialAttachment[];
  /** The applicant's declaration of truth (M10.1). */
  truthDeclarationAccepted: boolean;
}

export interface Application {
  id: string;
  batchId: string;
  applicantUscc: string;
  recommendingBodyId: string;
  state: ApplicationState;
  /** The profile (M15) and catalogue versions (M4.2, M4.3) the application is judged by. */
  profile: { id: string; version: string };
  scopeCatalogue: CatalogueRef;
  versions: ApplicationVersion[];
  createdAt: Date;
}

/** One recorded state change, with the reason when the transition requires one. */
export interface ApplicationEvent {
  applicationId: string;
  from: ApplicationState;
  to: ApplicationState;
  action: string;
  actorRole: string;
  actorId: string;
  reason?: string;
  at: Date;
}
