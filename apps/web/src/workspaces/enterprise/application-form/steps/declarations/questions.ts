import type { MessageKey } from '../../../../../shared/i18n/zh-CN';

export const LEGAL_FORMS = [
  'legal_person_enterprise',
  'branch',
  'sole_trader',
  'farmer_cooperative',
  'other',
] as const;

type Question = { key: string; label: MessageKey; when?: string };

/** The declarations of M5 (conditions) and M6 (exclusions), grouped by article. */
export const DECLARATION_GROUPS: Array<{
  id: string;
  title: MessageKey;
  help?: MessageKey;
  questions: Question[];
}> = [
  {
    id: 'M5.1',
    title: 'form.decl.group.M5.1',
    questions: [
      { key: 'operatingNormally', label: 'form.decl.operatingNormally' },
      { key: 'wellManaged', label: 'form.decl.wellManaged' },
      { key: 'taxCompliant', label: 'form.decl.taxCompliant' },
      { key: 'goodCredit', label: 'form.decl.goodCredit' },
    ],
  },
  {
    id: 'M5.2',
    title: 'form.decl.group.M5.2',
    questions: [
      { key: 'ownRd', label: 'form.decl.ownRd' },
      { key: 'ownManufacturing', label: 'form.decl.ownManufacturing' },
      { key: 'ownIntegration', label: 'form.decl.ownIntegration' },
      { key: 'technicalTeam', label: 'form.decl.technicalTeam' },
      { key: 'scaleProduction', label: 'form.decl.scaleProduction' },
    ],
  },
  {
    id: 'M5.3',
    title: 'form.decl.group.M5.3',
    questions: [
      { key: 'mastersKeyTechnologyAndProcess', label: 'form.decl.mastersKeyTechnologyAndProcess' },
      { key: 'ownsOwnBrand', label: 'form.decl.ownsOwnBrand' },
      { key: 'ownsRegisteredTrademark', label: 'form.decl.ownsRegisteredTrademark' },
      { key: 'ipSharedBySeveralParties', label: 'form.decl.ipSharedBySeveralParties' },
    ],
  },
  {
    id: 'M5.4',
    title: 'form.decl.group.M5.4',
    questions: [
      { key: 'fitsIndustrialPolicy', label: 'form.decl.fitsIndustrialPolicy' },
      { key: 'developedInRegion', label: 'form.decl.developedInRegion' },
      { key: 'manufacturedInRegion', label: 'form.decl.manufacturedInRegion' },
    ],
  },
  {
    id: 'M5.6',
    title: 'form.decl.group.M5.6',
    questions: [
      { key: 'productionLicenceApplies', label: 'form.decl.productionLicenceApplies' },
      {
        key: 'hasProductionLicence',
        label: 'form.decl.hasProductionLicence',
        when: 'productionLicenceApplies',
      },
      { key: 'cccApplies', label: 'form.decl.cccApplies' },
      { key: 'hasCccCertificate', label: 'form.decl.hasCccCertificate', when: 'cccApplies' },
    ],
  },
  {
    id: 'M6',
    title: 'form.decl.group.M6',
    help: 'form.decl.group.M6.help',
    questions: [
      { key: 'developedOnlyForOwnUse', label: 'form.decl.developedOnlyForOwnUse' },
      { key: 'customOrderedFromOutside', label: 'form.decl.customOrderedFromOutside' },
      { key: 'madeWithIntroducedTechnology', label: 'form.decl.madeWithIntroducedTechnology' },
    ],
  },
];

export const EQUIPMENT_FORMS = ['complete_set', 'single_machine', 'key_component'] as const;
export const BREAKTHROUGH_KINDS = ['principle', 'technical_route', 'structure', 'process'] as const;
