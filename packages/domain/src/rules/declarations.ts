import { EquipmentForm, ProductKind } from '../model/product';

/** M2.1: where the innovation broke through (原理、技术路线、结构、工艺). */
export const BREAKTHROUGH_KINDS = ['principle', 'technical_route', 'structure', 'process'] as const;
export type BreakthroughKind = (typeof BREAKTHROUGH_KINDS)[number];


export interface Breakthrough {
  kind: BreakthroughKind;
  description: string;
}

/**
 * What M2.1 (equipment, components) and M2.2 (materials) define, as the enterprise declares it:
 * the facts behind “the product meets the definition”, not a bare yes/no.
 */
export interface DefinitionFacts {
  /** 区内首次研制 (M2.1) / 区内原始创新或重大突破 (M2.2). */
  firstDevelopedInRegion?: boolean;
  /** 试用达到设计要求 (M2.1; equipment and components only). */
  trialUseMetDesignRequirements?: boolean;
  /** 尚未取得市场业绩 (M2.1) / 处于市场化初期，尚未形成规模和竞争优势 (M2.2). */
  noMarketRecordYet?: boolean;
  /** The innovative breakthrough, one or more, each with its description. */
  breakthroughs?: readonly Breakthrough[];
  /** 成套装备、单机装备、关键零部件 (M2.1; equipment and components only). */
  equipmentForm?: EquipmentForm;
}

export const isEquipmentKind = (kind: ProductKind) => kind !== 'FIRST_BATCH_MATERIAL';

/** One declaration the enterprise must answer before submitting, at its field of the form. */
export interface DeclarationQuestion {
  /** Key inside the declarations object. */
  key: string;
  measuresId: string;
  labelZh: string;
  labelEn: string;
  /** Asked only of these applications (by kind, or by another answer); always when absent. */
  asked?: (kind: ProductKind, d: Readonly<Record<string, unknown>>) => boolean;
}

const equipmentOnly = (kind: ProductKind) => isEquipmentKind(kind);

/**
 * Every condition of M5 and exclusion of M6 the enterprise answers itself, and the facts of M2
 * (which decide M5.4 “meets Article 2”). A blank answer blocks the submission: the prefecture
 * judges declared facts, it does not guess them (M5, M6, M12.1).
 */
export const DECLARATION_QUESTIONS: readonly DeclarationQuestion[] = [
  { key: 'legalForm', measuresId: 'M5.1', labelZh: '营业执照类型（是否独立法人企业）', labelEn: 'legal form on the business licence' },
  { key: 'operatingNormally', measuresId: 'M5.1', labelZh: '经营状态正常', labelEn: 'operating normally' },
  { key: 'wellManaged', measuresId: 'M5.1', labelZh: '管理规范', labelEn: 'well managed' },
  { key: 'taxCompliant', measuresId: 'M5.1', labelZh: '依法纳税', labelEn: 'pays taxes lawfully' },
  { key: 'goodCredit', measuresId: 'M5.1', labelZh: '信用良好', labelEn: 'good credit' },
  { key: 'safetyAccidentDates', measuresId: 'M5.1', labelZh: '近三年安全责任事故（无则声明无）', labelEn: 'safety accidents in the lookback period (declare none if none)' },
  { key: 'environmentalAccidentDates', measuresId: 'M5.1', labelZh: '近三年环境污染事故（无则声明无）', labelEn: 'environmental-pollution accidents in the lookback period (declare none if none)' },
  { key: 'ownRd', measuresId: 'M5.2', labelZh: '自主开展产品研发', labelEn: 'own R&D' },
  { key: 'ownManufacturing', measuresId: 'M5.2', labelZh: '自主开展产品制造', labelEn: 'own manufacturing' },
  { key: 'ownIntegration', measuresId: 'M5.2', labelZh: '自主开展产品集成', labelEn: 'own integration' },
  { key: 'technicalTeam', measuresId: 'M5.2', labelZh: '拥有技术基础和相应人才团队', labelEn: 'technical base and team' },
  { key: 'scaleProduction', measuresId: 'M5.2', labelZh: '具备规模化生产条件', labelEn: 'scale-production conditions' },
  { key: 'mastersKeyTechnologyAndProcess', measuresId: 'M5.3', labelZh: '掌握关键技术和工艺', labelEn: 'masters the key technology and process' },
  { key: 'ownsOwnBrand', measuresId: 'M5.3', labelZh: '拥有自主品牌', labelEn: 'own brand' },
  { key: 'ownsRegisteredTrademark', measuresId: 'M5.3', labelZh: '拥有注册商标所有权', labelEn: 'owns the registered trademark' },
  { key: 'ipSharedBySeveralParties', measuresId: 'M5.3', labelZh: '知识产权是否涉及多个单位（转让、许可、合作开发等）', labelEn: 'whether several parties share the IP (transfer, licence, joint development…)' },
  { key: 'firstDevelopedInRegion', measuresId: 'M5.4', labelZh: '区内首次研制（第二条）', labelEn: 'first developed in the region (Art. 2)' },
  { key: 'trialUseMetDesignRequirements', measuresId: 'M5.4', labelZh: '试用达到设计要求（第二条）', labelEn: 'trial use met the design requirements (Art. 2)', asked: equipmentOnly },
  { key: 'noMarketRecordYet', measuresId: 'M5.4', labelZh: '尚未取得市场业绩（第二条）', labelEn: 'no market record yet (Art. 2)' },
  { key: 'breakthroughs', measuresId: 'M5.4', labelZh: '创新突破（原理、技术路线、结构或工艺，附说明）', labelEn: 'the breakthrough (principle, technical route, structure or process, with a description)' },
  { key: 'equipmentForm', measuresId: 'M5.4', labelZh: '装备形态（成套装备、单机装备、关键零部件）', labelEn: 'equipment form (complete set, single machine, key component)', asked: equipmentOnly },
  { key: 'fitsIndustrialPolicy', measuresId: 'M5.4', labelZh: '符合国家产业政策', labelEn: 'fits national industrial policy' },
  { key: 'developedInRegion', measuresId: 'M5.4', labelZh: '在区内研发', labelEn: 'developed in the region' },
  { key: 'manufacturedInRegion', measuresId: 'M5.4', labelZh: '在区内制造', labelEn: 'manufactured in the region' },
  { key: 'productionLicenceApplies', measuresId: 'M5.6', labelZh: '是否属于特殊行业生产许可管理', labelEn: 'whether the product is under production licensing' },
  { key: 'hasProductionLicence', measuresId: 'M5.6', labelZh: '具有生产许可证', labelEn: 'holds the production licence', asked: (_k, d) => d.productionLicenceApplies === true },
  { key: 'cccApplies', measuresId: 'M5.6', labelZh: '是否属于强制性产品认证', labelEn: 'whether the product is under compulsory certification' },
  { key: 'hasCccCertificate', measuresId: 'M5.6', labelZh: '取得强制性产品认证证书', labelEn: 'holds the CCC certificate', asked: (_k, d) => d.cccApplies === true },
  { key: 'developedOnlyForOwnUse', measuresId: 'M6.1', labelZh: '是否仅限自用', labelEn: 'developed only for own use' },
  { key: 'customOrderedFromOutside', measuresId: 'M6.2', labelZh: '是否向外定制', labelEn: 'custom product ordered from outside' },
  { key: 'madeWithIntroducedTechnology', measuresId: 'M6.3', labelZh: '是否采用引进技术或工艺', labelEn: 'made with introduced technology or processes' },
];

function answered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  // An accident list is answered when given, even empty ("none"); a breakthrough list needs one.
  return true;
}

/** A blank answer, at its field (`declarations.<key>`), with its article. */
export interface BlankDeclaration {
  field: string;
  measuresId: string;
  message: string;
  messageEn: string;
}

/** M5, M6 (and M2 through M5.4): the questions this application must answer and has left blank. */
export function blankDeclarations(kind: ProductKind, declarations: Readonly<Record<string, unknown>> | undefined): BlankDeclaration[] {
  const d = declarations ?? {};
  const blank = DECLARATION_QUESTIONS.filter((q) => (q.asked ? q.asked(kind, d) : true)).filter((q) => {
    if (q.key === 'breakthroughs') {
      const list = d.breakthroughs as readonly Breakthrough[] | undefined;
      return !list || list.length === 0 || list.some((b) => !answered(b?.description));
    }
    return !answered(d[q.key]);
  });
  return blank.map((q) => ({
    field: `declarations.${q.key}`,
    measuresId: q.measuresId,
    message: `必须作答：${q.labelZh}`,
    messageEn: `Must be answered: ${q.labelEn}`,
  }));
}

/**
 * M2.1 / M2.2 as findings: each declared fact that contradicts the definition, and each that is
 * missing. `meetsDefinition` in M5.4 is the conjunction of these facts.
 */
export function definitionFindings(
  kind: ProductKind,
  facts: DefinitionFacts,
): { notMet: Array<{ code: string; zh: string; en: string }>; unknown: Array<{ code: string; zh: string; en: string }> } {
  const equipment = isEquipmentKind(kind);
  const notMet: Array<{ code: string; zh: string; en: string }> = [];
  const unknown: Array<{ code: string; zh: string; en: string }> = [];
  const article = equipment ? 'M2.1' : 'M2.2';
  const fact = (value: boolean | undefined, code: string, zh: string, en: string) => {
    if (value === false) notMet.push({ code: `${article}_${code}`, zh, en });
    else if (value === undefined) unknown.push({ code: `${article}_${code}`, zh, en });
  };
  fact(
    facts.firstDevelopedInRegion,
    'FIRST_IN_REGION',
    equipment ? '区内首次研制' : '区内原始创新或重大突破',
    equipment ? 'first developed in the region' : 'original innovation or significant breakthrough in the region',
  );
  if (equipment)
    fact(facts.trialUseMetDesignRequirements, 'TRIAL_USE', '试用达到设计要求', 'trial use met the design requirements');
  fact(
    facts.noMarketRecordYet,
    'NO_MARKET_RECORD',
    equipment ? '尚未取得市场业绩' : '处于市场化初期，尚未形成规模和竞争优势',
    equipment ? 'no market record yet' : 'early market stage, without scale or competitive advantage yet',
  );
  if (!facts.breakthroughs || facts.breakthroughs.length === 0)
    unknown.push({ code: `${article}_BREAKTHROUGH`, zh: '创新突破（原理、技术路线、结构或工艺）', en: 'the breakthrough (principle, technical route, structure or process)' });
  if (equipment) {
    if (facts.equipmentForm === undefined)
      unknown.push({ code: 'M2.1_EQUIPMENT_FORM', zh: '装备形态（成套装备、单机装备、关键零部件）', en: 'equipment form' });
    else if (kind === 'FIRST_BATCH_COMPONENT' && facts.equipmentForm !== 'key_component')
      notMet.push({ code: 'M2.1_EQUIPMENT_FORM', zh: '关键零部件首批（次）申报的装备形态应为关键零部件', en: 'a first-batch key component has the form “key component”' });
  }
  return { notMet, unknown };
}
