import type { CaseConditionV1, DeclarationsV1, DeclaredAnswerV1, ReviewFlagV1 } from '@firstset/contracts';
import {
  Breakthrough,
  ChecklistItem,
  checkEligibility,
  DefinitionFacts,
  EquipmentForm,
  checkExclusions,
  PolicyProfileRegistry,
  isDomainError,
  isEquipmentKind,
  LegalForm,
  LocalDate,
  ProductKind,
  scopeCatalogueFor,
  toShanghaiDate,
} from '@firstset/domain';
import { ReviewCase } from '../generated/prisma/client';

type Label = [zh: string, en: string];

/** The enterprise's answers that bear on each condition of M5 and exclusion of M6 (declarations.x). */
const ANSWERS: Record<string, Array<[keyof DeclarationsV1, ...Label]>> = {
  'M5.1': [
    ['legalForm', '营业执照类型', 'legal form on the licence'],
    ['operatingNormally', '经营状态正常', 'operating normally'],
    ['wellManaged', '管理规范', 'well managed'],
    ['taxCompliant', '依法纳税', 'pays taxes lawfully'],
    ['goodCredit', '信用良好', 'good credit'],
    ['safetyAccidentDates', '近三年安全责任事故（日期）', 'safety accidents in the lookback period (dates)'],
    ['environmentalAccidentDates', '近三年环境污染事故（日期）', 'pollution accidents in the lookback period (dates)'],
  ],
  'M5.2': [
    ['ownRd', '自主研发', 'own R&D'],
    ['ownManufacturing', '自主制造', 'own manufacturing'],
    ['ownIntegration', '自主集成', 'own integration'],
    ['technicalTeam', '技术基础和人才团队', 'technical base and team'],
    ['scaleProduction', '规模化生产条件', 'scale-production conditions'],
  ],
  'M5.3': [
    ['mastersKeyTechnologyAndProcess', '掌握关键技术和工艺', 'masters the key technology and process'],
    ['ownsOwnBrand', '拥有自主品牌', 'own brand'],
    ['ownsRegisteredTrademark', '拥有注册商标所有权', 'owns the registered trademark'],
    ['ipSharedBySeveralParties', '知识产权涉及多个单位', 'IP shared by several parties'],
  ],
  'M5.4': [
    // M2: the facts of the definition; a bare "meets Article 2" only from older submissions.
    ['meetsDefinition', '符合第二条定义', 'meets the definition of Article 2'],
    ['firstDevelopedInRegion', '区内首次研制（第二条）', 'first developed in the region (Art. 2)'],
    ['trialUseMetDesignRequirements', '试用达到设计要求（第二条）', 'trial use met the design requirements (Art. 2)'],
    ['noMarketRecordYet', '尚未取得市场业绩（第二条）', 'no market record yet (Art. 2)'],
    ['breakthroughs', '创新突破（第二条）', 'the breakthrough (Art. 2)'],
    ['equipmentForm', '装备形态（第二条）', 'form of the equipment (Art. 2)'],
    ['fitsIndustrialPolicy', '符合国家产业政策', 'fits national industrial policy'],
    ['developedInRegion', '在区内研发', 'developed in the region'],
    ['manufacturedInRegion', '在区内制造', 'manufactured in the region'],
  ],
  'M5.5': [],
  'M5.6': [
    ['productionLicenceApplies', '属于生产许可管理', 'under production licensing'],
    ['hasProductionLicence', '具有生产许可证', 'holds the production licence'],
    ['cccApplies', '属于强制性认证', 'under compulsory certification (CCC)'],
    ['hasCccCertificate', '取得强制性产品认证证书', 'holds the CCC certificate'],
  ],
  'M6.1': [['developedOnlyForOwnUse', '研发仅限自用', 'developed only for own use']],
  'M6.2': [['customOrderedFromOutside', '向外定制的专用产品', 'custom product ordered from outside']],
  'M6.3': [['madeWithIntroducedTechnology', '引进新技术、新工艺生产', 'made with introduced technology or processes']],
  'M6.4': [],
  'M6.5': [],
};

/** Declarations as stored on the case; null or malformed (an older event) reads as nothing declared. */
export function declarationsOf(c: Pick<ReviewCase, 'declarations'>): DeclarationsV1 {
  const d = c.declarations;
  return d && typeof d === 'object' && !Array.isArray(d) ? (d as DeclarationsV1) : {};
}

/** The M2 facts declared on the case, or undefined for an older submission that answered only "meets Article 2". */
function definitionOf(d: DeclarationsV1): DefinitionFacts | undefined {
  const { firstDevelopedInRegion, trialUseMetDesignRequirements, noMarketRecordYet, breakthroughs, equipmentForm } = d;
  const facts = { firstDevelopedInRegion, trialUseMetDesignRequirements, noMarketRecordYet, breakthroughs: breakthroughs as Breakthrough[] | undefined, equipmentForm: equipmentForm as EquipmentForm | undefined };
  return Object.values(facts).some((v) => v !== undefined) ? facts : undefined;
}

/** An answer as the review screen shows it: a breakthrough by its description. */
function answerValue(d: DeclarationsV1, field: keyof DeclarationsV1): DeclaredAnswerV1['value'] {
  if (field === 'breakthroughs') return d.breakthroughs ? d.breakthroughs.map((b) => b.description) : null;
  return (d[field] as DeclaredAnswerV1['value']) ?? null;
}

const M2_FACTS: ReadonlyArray<keyof DeclarationsV1> = ['firstDevelopedInRegion', 'trialUseMetDesignRequirements', 'noMarketRecordYet', 'breakthroughs', 'equipmentForm'];
/** M2 facts asked of equipment only (M2.1): its trial use and its form. */
const EQUIPMENT_ONLY: ReadonlyArray<keyof DeclarationsV1> = ['trialUseMetDesignRequirements', 'equipmentForm'];

/**
 * The rows that bear on this case: an older submission that answered only "meets Article 2" shows
 * that answer, a newer one the facts of M2 instead (trial use and the form are asked of equipment only).
 */
function asked(field: keyof DeclarationsV1, d: DeclarationsV1, kind: string): boolean {
  const legacy = d.meetsDefinition !== undefined && definitionOf(d) === undefined;
  if (field === 'meetsDefinition') return d.meetsDefinition !== undefined;
  if (EQUIPMENT_ONLY.includes(field) && !isEquipmentKind(kind as ProductKind)) return false;
  return !(legacy && M2_FACTS.includes(field));
}

function answersFor(id: string, c: Pick<ReviewCase, 'declarations' | 'productKind' | 'series' | 'model' | 'rdCompletedOn'>): DeclaredAnswerV1[] {
  const d = declarationsOf(c);
  const declared = (ANSWERS[id] ?? [])
    .filter(([field]) => asked(field, d, c.productKind))
    .map(([field, labelZh, labelEn]) => ({ field: `declarations.${field}`, labelZh, labelEn, value: answerValue(d, field) }));
  // The product's own facts answer M6.4 (its series and model) and M6.5 (when R&D was completed).
  if (id === 'M6.4') return [{ field: 'series', labelZh: '产品系列', labelEn: 'series', value: c.series }, { field: 'model', labelZh: '型号', labelEn: 'model', value: c.model }];
  if (id === 'M6.5') return [{ field: 'rdCompletedOn', labelZh: '研发完成日期', labelEn: 'R&D completed on', value: c.rdCompletedOn }];
  return declared;
}

type CaseFacts = Pick<
  ReviewCase,
  'declarations' | 'productKind' | 'enterpriseUscc' | 'catalogueEntryCode' | 'receivedAt' | 'rdCompletedOn' | 'series' | 'model' | 'flags' | 'policyProfileId' | 'policyProfileVersion'
>;

/**
 * The domain's checklists of M5 and M6 on what the prefecture received: the enterprise's answers
 * and the product's facts. Facts only intake holds (the registered address, earlier recognitions,
 * the IP list) are represented by intake's own flags, merged into the condition they cite; what
 * neither tells stays "needs review", for the officer to establish from the evidence (M12.1).
 */
export function domainFindings(c: CaseFacts, profiles: PolicyProfileRegistry): ChecklistItem[] {
  // M15: judged by the case's own batch profile (R&D age, catalogue version, accident look-back).
  const profile = profiles.resolve({ id: c.policyProfileId, version: c.policyProfileVersion });
  const d = declarationsOf(c);
  const kind = c.productKind as ProductKind;
  const applicationDate = toShanghaiDate(c.receivedAt);
  const eligibility = checkEligibility(
    {
      applicationDate,
      productKind: kind,
      applicant: {
        uscc: c.enterpriseUscc,
        // Intake refused any address outside the region at submission; the officer checks the licence.
        registeredAddressDivisionCode: '150000',
        legalForm: d.legalForm as LegalForm | undefined,
        operatingNormally: d.operatingNormally,
        wellManaged: d.wellManaged,
        taxCompliant: d.taxCompliant,
        goodCredit: d.goodCredit,
        safetyAccidentDates: d.safetyAccidentDates as LocalDate[] | undefined,
        environmentalAccidentDates: d.environmentalAccidentDates as LocalDate[] | undefined,
      },
      capability: { ownRd: d.ownRd, ownManufacturing: d.ownManufacturing, ownIntegration: d.ownIntegration, technicalTeam: d.technicalTeam, scaleProduction: d.scaleProduction },
      ip: { mastersKeyTechnologyAndProcess: d.mastersKeyTechnologyAndProcess, ownsOwnBrand: d.ownsOwnBrand, ownsRegisteredTrademark: d.ownsRegisteredTrademark },
      product: {
        meetsDefinition: d.meetsDefinition,
        // M2: the declared facts decide the definition, fact by fact, as at submission.
        definition: definitionOf(d),
        scope: c.catalogueEntryCode ? { catalogue: scopeCatalogueFor(kind, profile), entryCode: c.catalogueEntryCode } : null,
        fitsIndustrialPolicy: d.fitsIndustrialPolicy,
        developedInRegion: d.developedInRegion,
        manufacturedInRegion: d.manufacturedInRegion,
      },
      // Required at submission (M7.4); its issuer and completeness are the officer's to verify.
      testReport: { present: true },
      regulation: {
        productionLicenceApplies: d.productionLicenceApplies ?? 'unknown',
        hasProductionLicence: d.hasProductionLicence,
        cccApplies: d.cccApplies ?? 'unknown',
        hasCccCertificate: d.hasCccCertificate,
      },
    },
    profile,
  );
  const exclusionInput = {
    applicationDate,
    rdCompletionDate: c.rdCompletedOn as LocalDate,
    applicantUscc: c.enterpriseUscc,
    product: { series: c.series, model: c.model },
    developedOnlyForOwnUse: d.developedOnlyForOwnUse,
    customOrderedFromOutside: d.customOrderedFromOutside,
    madeWithIntroducedTechnology: d.madeWithIntroducedTechnology,
    priorRecognitions: [],
  };
  let exclusions: ChecklistItem[];
  try {
    exclusions = checkExclusions(exclusionInput, profile);
  } catch (err) {
    if (!isDomainError(err)) throw err;
    // R&D completed after the date received: judged as of that date, and M6.5 carries the refusal.
    exclusions = checkExclusions({ ...exclusionInput, rdCompletionDate: applicationDate }, profile).map((i) =>
      i.id === 'M6.5' ? { ...i, result: 'not_met' as const, reasons: [{ code: err.code, message: err.message, messageEn: err.messageEn }] } : i,
    );
  }
  const flags = (Array.isArray(c.flags) ? c.flags : []) as unknown as ReviewFlagV1[];
  return [...eligibility, ...exclusions].map((item) => {
    const own = flags.filter((f) => f.measuresId === item.id && !item.reasons.some((r) => r.code === f.code));
    if (own.length === 0) return item;
    const reasons = [...item.reasons, ...own.map((f) => ({ code: f.code, message: f.message, messageEn: f.messageEn ?? f.message }))];
    return { ...item, result: item.result === 'met' ? 'needs_review' : item.result, reasons };
  });
}

export type CaseCondition = Omit<CaseConditionV1, 'verdict' | 'passed'>;

/** Every condition of M5 and exclusion of M6 on the case, with the answers, evidence and finding. */
export function caseConditions(c: CaseFacts, profiles: PolicyProfileRegistry): CaseCondition[] {
  return domainFindings(c, profiles).map((item) => ({
    conditionId: item.id,
    part: item.id.startsWith('M6') ? 'M6' : 'M5',
    titleZh: item.titleZh,
    titleEn: item.titleEn,
    answers: answersFor(item.id, c),
    evidence: item.evidence.map((e) => ({ ...(e.slotId ? { slotId: e.slotId } : {}), descriptionZh: e.descriptionZh, descriptionEn: e.descriptionEn })),
    finding: { result: item.result, reasons: item.reasons },
  }));
}
