import { ProductKind } from '../model/product';

/** Upload slots of the materials list (M7.4), one id per document kind (GLOSSARY.md names). */
export const MATERIAL_SLOT_IDS = [
  'applicationForm',
  'creditReport',
  'businessLicence',
  'ipProof',
  'ipContracts',
  'noveltySearchReport',
  'testReport',
  'testInstitutionQualification',
  'productionLicence',
  'cccCertificate',
  'salesContracts',
  'salesInvoices',
  'userReports',
  'auditedFinancialReport',
  'otherSupportingMaterial',
] as const;
export type MaterialSlotId = (typeof MATERIAL_SLOT_IDS)[number];

/** When a slot is required for a given application. */
export type MaterialCondition =
  | 'always'
  | 'optional'
  /** M7.4(4): contracts only when several parties share the IP. */
  | 'ip_shared_by_several_parties'
  /** M5.6, M7.4(5): only for products under special-industry licensing. */
  | 'production_licence_applies'
  /** M5.6, M7.4(5): only for products under compulsory certification. */
  | 'ccc_applies';

export interface MaterialRequirement {
  slotId: MaterialSlotId;
  /** The numbered item (1–8) of M7.4 the slot belongs to. */
  item: number;
  nameZh: string;
  nameEn: string;
  /** Names that depend on the product kind (the application form has three variants). */
  nameByKind?: Partial<Record<ProductKind, { zh: string; en: string }>>;
  condition: MaterialCondition;
  measuresIds: readonly string[];
}

/** A slot id read from a view (typed as a string there) as the id a command takes. */
export const isMaterialSlotId = (id: string): id is MaterialSlotId => (MATERIAL_SLOT_IDS as readonly string[]).includes(id);
