import { INNER_MONGOLIA_DRAFT_PROFILE, materialsChecklist, ProductKind } from '@firstset/domain';

/**
 * Every declaration of M2, M5 and M6 answered for a product that qualifies: no production
 * licence, CCC or shared IP (so those slots do not apply), no accidents. Tests change what they
 * are about and keep the rest complete.
 */
export const completeDeclarations = (kind: ProductKind = 'FIRST_SET_EQUIPMENT') => ({
  legalForm: 'legal_person_enterprise',
  operatingNormally: true,
  wellManaged: true,
  taxCompliant: true,
  goodCredit: true,
  safetyAccidentDates: [] as string[],
  environmentalAccidentDates: [] as string[],
  ownRd: true,
  ownManufacturing: true,
  ownIntegration: true,
  technicalTeam: true,
  scaleProduction: true,
  mastersKeyTechnologyAndProcess: true,
  ownsOwnBrand: true,
  ownsRegisteredTrademark: true,
  ipSharedBySeveralParties: false,
  firstDevelopedInRegion: true,
  noMarketRecordYet: true,
  breakthroughs: [{ kind: 'technical_route' as const, description: '电驱动替代机械传动，整车能耗下降 18%' }],
  ...(kind === 'FIRST_BATCH_MATERIAL'
    ? {}
    : { trialUseMetDesignRequirements: true, equipmentForm: kind === 'FIRST_BATCH_COMPONENT' ? ('key_component' as const) : ('complete_set' as const) }),
  fitsIndustrialPolicy: true,
  developedInRegion: true,
  manufacturedInRegion: true,
  productionLicenceApplies: false,
  cccApplies: false,
  developedOnlyForOwnUse: false,
  customOrderedFromOutside: false,
  madeWithIntroducedTechnology: false,
});

/** The rest of a complete form: catalogue entry (M4.2), first sale, innovation, IP, sales. */
export const completeFormFields = (kind: ProductKind = 'FIRST_SET_EQUIPMENT') => ({
  ...(kind === 'FIRST_BATCH_MATERIAL' ? {} : { catalogueEntryCode: 'EF04' }),
  firstSale: { date: '2026-03-15', customer: '内蒙古某矿业集团有限公司' },
  innovationPoints: ['电驱动系统国内首创'],
  performanceIndicators: [{ name: '额定载重', value: '300 t', domestic: '280 t', foreign: '290 t' }],
  ipList: [{ kind: 'invention_patent' as const, number: 'ZL202510000001.X', title: '一种矿用自卸车电驱动系统', basis: 'owned' as const }],
  sales: [{ year: 2026, units: 3, revenueWanYuan: 4500 }],
  declarations: completeDeclarations(kind),
});

/** The M7.4 slots a file must be uploaded to for the complete declarations above (required ones only). */
export const requiredSlots = (kind: ProductKind = 'FIRST_SET_EQUIPMENT', declared: { ipSharedBySeveralParties?: boolean; productionLicenceApplies?: boolean; cccApplies?: boolean } = {}) =>
  materialsChecklist(
    {
      productKind: kind,
      ipSharedBySeveralParties: declared.ipSharedBySeveralParties ?? false,
      productionLicenceApplies: declared.productionLicenceApplies ?? false,
      cccApplies: declared.cccApplies ?? false,
    },
    INNER_MONGOLIA_DRAFT_PROFILE,
  )
    .filter((s) => s.required)
    .map((s) => s.slotId as string);

/** The truthfulness pledge version the submit commands carry (M10.1). */
export const CURRENT_PLEDGE_VERSION = INNER_MONGOLIA_DRAFT_PROFILE.truthfulnessPledge.version;
