import {
  blankDeclarations,
  Breakthrough,
  ChecklistItem,
  EquipmentForm,
  checkEligibility,
  checkExclusions,
  EQUIPMENT_FIELDS_CATALOGUE,
  EligibilityInput,
  findCatalogueEntry,
  isDomainError,
  IpBasis,
  LegalForm,
  LocalDate,
  MaterialSlotId,
  materialsChecklist,
  MaterialsChecklistItem,
  materialsApplicability,
  PolicyProfile,
  PriorRecognition,
  ProductKind,
  SlotApplicability,
  TruthfulnessPledge,
} from '@firstset/domain';
import { ApplicationSnapshot } from './application-snapshot';
import { CorrectionRecord, unansweredItems } from './correction-answers';
import { ipCounterpartyProblems } from './ip-counterparties';

export interface CheckProblem {
  code: string;
  severity: 'blocking' | 'warning';
  measuresId: string;
  /** The form field the problem is about (declarations.x, rdCompletedOn, …), when there is one. */
  field?: string;
  /** The material slot (M7.4) it is about, when there is one. */
  slotId?: string;
  message: string;
  messageEn: string;
}

export interface CheckResult {
  canSubmit: boolean;
  problems: CheckProblem[];
  /** The slots that apply (conditional ones only when declared to apply). */
  materials: MaterialsChecklistItem[];
  /** Every slot of the profile, applicable or not, with the reason (M7.4, M5.6). */
  slots: SlotApplicability[];
  /** M7.4: false when the profile lets missing materials through as warnings (a pilot). */
  materialsRequiredAtSubmission: boolean;
  /** M10.1: what the enterprise signs at submission. */
  pledge: TruthfulnessPledge;
}

export interface CheckInput {
  snapshot: ApplicationSnapshot;
  applicationDate: LocalDate;
  enterprise: { uscc: string; addressDivisionCode: string };
  priors: PriorRecognition[];
  attachedSlots: MaterialSlotId[];
  /** The return being answered, when the application is under correction (M7.3). */
  correction?: CorrectionRecord | null;
  /** M15: the policy profile of the application's batch. */
  profile: PolicyProfile;
}

/** Which form field a domain reason code is about (codes are prefixed by their Measures ID). */
const FIELD_OF: Record<string, string> = {
  'M5.1_NOT_LEGAL_PERSON_ENTERPRISE': 'declarations.legalForm',
  'M5.1_LEGAL_FORM_UNKNOWN': 'declarations.legalForm',
  'M5.1_OPERATING_ABNORMALLY': 'declarations.operatingNormally',
  'M5.1_NOT_WELL_MANAGED': 'declarations.wellManaged',
  'M5.1_TAX': 'declarations.taxCompliant',
  'M5.1_CREDIT': 'declarations.goodCredit',
  'M5.1_SAFETY_ACCIDENT': 'declarations.safetyAccidentDates',
  'M5.1_ENVIRONMENTAL_ACCIDENT': 'declarations.environmentalAccidentDates',
  'M5.2_RD': 'declarations.ownRd',
  'M5.2_MANUFACTURING': 'declarations.ownManufacturing',
  'M5.2_INTEGRATION': 'declarations.ownIntegration',
  'M5.2_TEAM': 'declarations.technicalTeam',
  'M5.2_SCALE': 'declarations.scaleProduction',
  'M5.3_KEY_TECHNOLOGY': 'declarations.mastersKeyTechnologyAndProcess',
  'M5.3_NO_IP': 'ipList',
  'M5.3_IP': 'ipList',
  'M5.3_BRAND': 'declarations.ownsOwnBrand',
  'M5.3_TRADEMARK': 'declarations.ownsRegisteredTrademark',
  'M5.4_DEFINITION': 'declarations.meetsDefinition',
  'M2.1_FIRST_IN_REGION': 'declarations.firstDevelopedInRegion',
  'M2.2_FIRST_IN_REGION': 'declarations.firstDevelopedInRegion',
  'M2.1_TRIAL_USE': 'declarations.trialUseMetDesignRequirements',
  'M2.1_NO_MARKET_RECORD': 'declarations.noMarketRecordYet',
  'M2.2_NO_MARKET_RECORD': 'declarations.noMarketRecordYet',
  'M2.1_BREAKTHROUGH': 'declarations.breakthroughs',
  'M2.2_BREAKTHROUGH': 'declarations.breakthroughs',
  'M2.1_EQUIPMENT_FORM': 'declarations.equipmentForm',
  'M5.4_OUT_OF_SCOPE': 'catalogueEntryCode',
  'M5.4_CATALOGUE_VERSION': 'catalogueVersion',
  'M5.4_INDUSTRIAL_POLICY': 'declarations.fitsIndustrialPolicy',
  'M5.4_DEVELOPED_IN_REGION': 'declarations.developedInRegion',
  'M5.4_MADE_IN_REGION': 'declarations.manufacturedInRegion',
  'M5.4_NO_EXTERNAL_SALES': 'firstSale',
  'M5.6_PRODUCTION_LICENCE': 'declarations.hasProductionLicence',
  'M5.6_CCC': 'declarations.hasCccCertificate',
  'M6.1_OWN_USE': 'declarations.developedOnlyForOwnUse',
  'M6.2_CUSTOM_ORDERED': 'declarations.customOrderedFromOutside',
  'M6.3_INTRODUCED_TECHNOLOGY': 'declarations.madeWithIntroducedTechnology',
  'M6.4_SERIES_ALREADY_RECOGNIZED': 'series',
  'M6.4_POSSIBLE_SAME_SERIES': 'model',
  'M6.4_OTHER_APPLICANT_SAME_MODEL': 'model',
  'M6.5_RD_TOO_OLD': 'rdCompletedOn',
};

/** Reasons the domain raises as flags (a human look), never as failures, even inside a failed item. */
const FLAGS = new Set([
  'M5.1_USCC_CHECK_CHARACTER',
  'M5.1_USCC_DIVISION_MISMATCH',
  'M5.4_CATALOGUE_VERSION',
  'M6.4_POSSIBLE_SAME_SERIES',
  'M6.4_OTHER_APPLICANT_SAME_MODEL',
]);
const isFlag = (code: string) => FLAGS.has(code) || /_(UNKNOWN|UNDECLARED)$/.test(code);

/** The check's findings a reviewer should look at although they did not block the submission. */
export const flagsForReviewer = (check: CheckResult) =>
  check.problems
    .filter((p) => FLAGS.has(p.code))
    .slice(0, 50)
    .map((p) => ({ code: p.code, measuresId: p.measuresId, ...(p.field ? { field: p.field } : {}), message: p.message.slice(0, 500), messageEn: p.messageEn.slice(0, 500) }));

const fieldOf = (code: string) =>
  FIELD_OF[code] ?? FIELD_OF[code.replace(/_(UNKNOWN|UNDECLARED|APPLICABILITY_UNKNOWN)$/, '')];

function ipBasis(ipList: ApplicationSnapshot['ipList']): IpBasis | undefined {
  if (!ipList || ipList.length === 0) return undefined;
  for (const basis of ['owned', 'assigned_ownership', 'assigned_use_right'] as const) {
    if (ipList.some((ip) => ip.basis === basis)) return basis;
  }
  return 'none';
}

function eligibilityInput(input: CheckInput, scopeChosen: boolean, profile: PolicyProfile): EligibilityInput {
  const s = input.snapshot;
  const d = s.declarations ?? {};
  const kind = s.productKind as ProductKind;
  const catalogue = kind === 'FIRST_BATCH_MATERIAL'
    ? { id: profile.materialsCatalogue.id, version: s.catalogueVersion ?? profile.materialsCatalogue.version }
    : profile.equipmentFieldsCatalogue;
  return {
    applicationDate: input.applicationDate,
    productKind: kind,
    applicant: {
      uscc: input.enterprise.uscc,
      registeredAddressDivisionCode: input.enterprise.addressDivisionCode,
      legalForm: d.legalForm as LegalForm | undefined,
      operatingNormally: d.operatingNormally,
      wellManaged: d.wellManaged,
      taxCompliant: d.taxCompliant,
      goodCredit: d.goodCredit,
      safetyAccidentDates: d.safetyAccidentDates as LocalDate[] | undefined,
      environmentalAccidentDates: d.environmentalAccidentDates as LocalDate[] | undefined,
    },
    capability: {
      ownRd: d.ownRd,
      ownManufacturing: d.ownManufacturing,
      ownIntegration: d.ownIntegration,
      technicalTeam: d.technicalTeam,
      scaleProduction: d.scaleProduction,
    },
    ip: {
      mastersKeyTechnologyAndProcess: d.mastersKeyTechnologyAndProcess,
      basis: ipBasis(s.ipList),
      ownsOwnBrand: d.ownsOwnBrand,
      ownsRegisteredTrademark: d.ownsRegisteredTrademark,
    },
    product: {
      meetsDefinition: d.meetsDefinition,
      // M2: the declared facts decide the definition (a blank one blocks below).
      definition: {
        firstDevelopedInRegion: d.firstDevelopedInRegion,
        trialUseMetDesignRequirements: d.trialUseMetDesignRequirements,
        noMarketRecordYet: d.noMarketRecordYet,
        breakthroughs: d.breakthroughs as Breakthrough[] | undefined,
        equipmentForm: d.equipmentForm as EquipmentForm | undefined,
      },
      scope: scopeChosen ? { catalogue, entryCode: s.catalogueEntryCode! } : null,
      fitsIndustrialPolicy: d.fitsIndustrialPolicy,
      developedInRegion: d.developedInRegion,
      manufacturedInRegion: d.manufacturedInRegion,
      soldToOutsideCustomers: s.firstSale ? true : undefined,
    },
    testReport: { present: input.attachedSlots.includes('testReport') },
    regulation: {
      productionLicenceApplies: d.productionLicenceApplies ?? 'unknown',
      hasProductionLicence: d.hasProductionLicence,
      cccApplies: d.cccApplies ?? 'unknown',
      hasCccCertificate: d.hasCccCertificate,
    },
  };
}

/**
 * Facts the applicant has not given yet are never blocking: a reason whose fact is missing from
 * the draft (no catalogue entry chosen, no test report attached, a material not yet uploaded, a
 * declaration not yet made) is a warning; a fact that is present and fails a rule blocks.
 */
function problemsOf(items: ChecklistItem[], absent: Set<string>): CheckProblem[] {
  return items.flatMap((item) =>
    item.reasons.map((r) => {
      const missingFact = absent.has(r.code) || item.result !== 'not_met' || isFlag(r.code);
      const field = fieldOf(r.code);
      return {
        code: r.code,
        severity: missingFact ? ('warning' as const) : ('blocking' as const),
        measuresId: item.id,
        ...(field ? { field } : {}),
        ...(r.code === 'M5.5_NO_TEST_REPORT' ? { slotId: 'testReport' } : {}),
        message: r.message,
        messageEn: r.messageEn,
      };
    }),
  );
}

/** The pre-submission check (M5, M6, M7.4): every problem, tied to its field or slot and article. */
export function preSubmissionCheck(input: CheckInput): CheckResult {
  const profile = input.profile;
  const s = input.snapshot;
  const d = s.declarations ?? {};
  const problems: CheckProblem[] = [];
  // M5, M6 (and M2 through M5.4): a question left blank blocks, at its field.
  const blanks = blankDeclarations(s.productKind as ProductKind, d as Record<string, unknown>);
  for (const b of blanks)
    problems.push({ code: 'DECLARATION_BLANK', severity: 'blocking', measuresId: b.measuresId, field: b.field, message: b.message, messageEn: b.messageEn });
  const blankFields = new Set(blanks.map((b) => b.field));
  let scopeChosen = Boolean(s.catalogueEntryCode);
  if (scopeChosen && s.productKind !== 'FIRST_BATCH_MATERIAL') {
    try {
      findCatalogueEntry(EQUIPMENT_FIELDS_CATALOGUE, s.catalogueEntryCode!);
    } catch (err) {
      if (!isDomainError(err)) throw err;
      scopeChosen = false;
      problems.push({ code: err.code, severity: 'blocking', measuresId: 'M4.2', field: 'catalogueEntryCode', message: err.message, messageEn: err.messageEn });
    }
  }
  const absent = new Set<string>();
  if (!scopeChosen) absent.add('M5.4_OUT_OF_SCOPE');
  if (!input.attachedSlots.includes('testReport')) absent.add('M5.5_NO_TEST_REPORT');
  const judged: CheckProblem[] = [];
  judged.push(...problemsOf(checkEligibility(eligibilityInput(input, scopeChosen, profile), profile), absent));
  try {
    const exclusions = checkExclusions(
      {
        applicationDate: input.applicationDate,
        rdCompletionDate: s.rdCompletedOn as LocalDate,
        applicantUscc: input.enterprise.uscc,
        product: { series: s.series, model: s.model },
        developedOnlyForOwnUse: d.developedOnlyForOwnUse,
        customOrderedFromOutside: d.customOrderedFromOutside,
        madeWithIntroducedTechnology: d.madeWithIntroducedTechnology,
        priorRecognitions: input.priors,
      },
      profile,
    );
    judged.push(...problemsOf(exclusions, absent));
  } catch (err) {
    if (!isDomainError(err)) throw err;
    problems.push({ code: err.code, severity: 'blocking', measuresId: 'M6.5', field: 'rdCompletedOn', message: err.message, messageEn: err.messageEn });
  }
  // The rules' "to be declared" warnings repeat a blank already blocking at the same field.
  problems.push(...judged.filter((p) => !(p.severity === 'warning' && p.field && blankFields.has(p.field))));
  const materials = materialsChecklist(
    {
      productKind: s.productKind as ProductKind,
      ipSharedBySeveralParties: d.ipSharedBySeveralParties ?? false,
      productionLicenceApplies: d.productionLicenceApplies ?? false,
      cccApplies: d.cccApplies ?? false,
    },
    profile,
  );
  // M5.3: an assigned or licensed right names its assignor or licensor (the M11.1 conflict check's partners).
  problems.push(...ipCounterpartyProblems(s.ipList));
  // M7.4: every slot that applies holds a file. A slot whose condition is still undeclared is
  // not asked for yet: the blank declaration above blocks instead.
  const slots = materialsApplicability(
    {
      productKind: s.productKind as ProductKind,
      ipSharedBySeveralParties: d.ipSharedBySeveralParties,
      productionLicenceApplies: d.productionLicenceApplies,
      cccApplies: d.cccApplies,
    },
    profile,
  );
  const attached = new Set(input.attachedSlots);
  for (const slot of slots.filter((x) => x.applies && x.required && x.basis !== 'not_declared' && !attached.has(x.slotId))) {
    problems.push({
      code: 'M7.4_MATERIAL_MISSING',
      severity: profile.materialsRequiredAtSubmission ? 'blocking' : 'warning',
      measuresId: 'M7.4',
      slotId: slot.slotId,
      message: `待上传：${slot.nameZh}`,
      messageEn: `To upload: ${slot.nameEn}`,
    });
  }
  // M7.3: a resubmission answers every item the prefecture asked about, one by one.
  for (const u of input.correction ? unansweredItems(input.correction) : []) {
    problems.push({
      code: 'M7.3_CORRECTION_UNANSWERED',
      severity: 'blocking',
      measuresId: 'M7.3',
      field: `correctionAnswers.${u.index}`,
      message: `尚未答复第 ${u.index + 1} 项补正要求：${u.reason}`,
      messageEn: `Correction item ${u.index + 1} is not answered: ${u.reason}`,
    });
  }
  return {
    canSubmit: !problems.some((p) => p.severity === 'blocking'),
    problems,
    materials,
    slots,
    materialsRequiredAtSubmission: profile.materialsRequiredAtSubmission,
    pledge: profile.truthfulnessPledge,
  };
}
