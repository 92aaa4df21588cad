import type { PolicyProfileViewV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import { PolicyProfile, PolicyProfileRegistry } from '@firstset/domain';

export function toPolicyProfileView(p: PolicyProfile): PolicyProfileViewV1 {
  return {
    id: p.id,
    version: p.version,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    effectiveFrom: p.effectiveFrom,
    measuresReference: p.measuresReference,
    publicityWorkingDays: p.publicityWorkingDays,
    publicityCountsPublicationDay: p.publicityCountsPublicationDay,
    validityYears: p.validityYears,
    applicantBanYears: p.applicantBanYears,
    institutionBanYears: p.institutionBanYears,
    maxRdAgeYears: p.maxRdAgeYears,
    accidentLookbackYears: p.accidentLookbackYears,
    batchesPerYear: p.batchesPerYear,
    materials: p.materials.map((m) => ({ slotId: m.slotId, item: m.item, nameZh: m.nameZh, nameEn: m.nameEn, condition: m.condition })),
    equipmentFieldsCatalogue: { ...p.equipmentFieldsCatalogue },
    materialsCatalogue: { ...p.materialsCatalogue },
  };
}

/** The registered policy profiles (M15): public, like the Measures they encode. */
@Injectable()
export class ReadPolicyProfiles {
  constructor(private readonly profiles: PolicyProfileRegistry) {}

  list(): Promise<PolicyProfileViewV1[]> {
    return Promise.resolve(this.profiles.list().map(toPolicyProfileView));
  }
}
