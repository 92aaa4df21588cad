/** One material of a profile's list (M7.4), with when it is required. */
export interface PolicyProfileMaterialV1 {
  slotId: string;
  item: number;
  nameZh: string;
  nameEn: string;
  condition: string;
}

/** A registered policy profile (M15): the numbers and lists a batch opened under it judges by. */
export interface PolicyProfileViewV1 {
  id: string;
  version: string;
  nameZh: string;
  nameEn: string;
  /** First day it applies (Beijing date). */
  effectiveFrom: string;
  measuresReference: string;
  publicityWorkingDays: number;
  publicityCountsPublicationDay: boolean;
  validityYears: number;
  applicantBanYears: number;
  institutionBanYears: number;
  maxRdAgeYears: number;
  accidentLookbackYears: number;
  batchesPerYear: number;
  materials: PolicyProfileMaterialV1[];
  equipmentFieldsCatalogue: { id: string; version: string };
  materialsCatalogue: { id: string; version: string };
}
