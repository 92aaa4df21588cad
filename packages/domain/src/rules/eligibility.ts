import { InvalidDivisionCodeError } from '../enterprise/recommending-bodies';
import { parseUscc } from '../enterprise/uscc';
import { CatalogueRef, ProductKind } from '../model/product';
import { PolicyProfile } from '../policy/policy-profile';
import { LocalDate, addYearsClamped, parseLocalDate } from '../shared/local-date';
import { ChecklistItem, ItemBuilder } from './checklist';
import { DefinitionFacts, definitionFindings } from './declarations';

export type EligibilityId = 'M5.1' | 'M5.2' | 'M5.3' | 'M5.4' | 'M5.5' | 'M5.6';

/** How the applicant holds the IP (M5.3: ownership, or ownership/use rights lawfully assigned). */
export type IpBasis = 'owned' | 'assigned_ownership' | 'assigned_use_right' | 'none';

/** Who recognized the testing institution (M5.5: provincial-level market regulator or higher, or a trade authority). */
export type TestInstitutionRecognition =
  | 'national_market_regulator'
  | 'provincial_market_regulator'
  | 'industry_authority'
  | 'prefecture_market_regulator'
  | 'none';

/** The legal form on the business licence (类型), which decides independent legal-person status. */
export type LegalForm = 'legal_person_enterprise' | 'branch' | 'sole_trader' | 'farmer_cooperative' | 'other';

/**
 * Facts for the M5 checklist. Booleans left undefined are facts not yet established: the item
 * then needs a human look rather than failing.
 */
export interface EligibilityInput {
  applicationDate: LocalDate;
  productKind: ProductKind;
  applicant: {
    uscc: string;
    /** Division code of the registered address (from the licence): decides “registered in the region”. */
    registeredAddressDivisionCode: string;
    legalForm?: LegalForm;
    operatingNormally?: boolean;
    wellManaged?: boolean;
    taxCompliant?: boolean;
    /** No serious dishonesty record in the special credit report. */
    goodCredit?: boolean;
    /** Dates of safety-responsibility accidents; undefined = not declared yet. */
    safetyAccidentDates?: LocalDate[];
    environmentalAccidentDates?: LocalDate[];
  };
  capability: {
    ownRd?: boolean;
    ownManufacturing?: boolean;
    ownIntegration?: boolean;
    technicalTeam?: boolean;
    scaleProduction?: boolean;
  };
  ip: {
    mastersKeyTechnologyAndProcess?: boolean;
    basis?: IpBasis;
    ownsOwnBrand?: boolean;
    ownsRegisteredTrademark?: boolean;
  };
  product: {
    /** Meets the definition of M2.1 (equipment, components) or M2.2 (materials), as a bare answer. */
    meetsDefinition?: boolean;
    /** The facts M2.1 / M2.2 define; when given they decide the definition, fact by fact. */
    definition?: DefinitionFacts;
    scope: { catalogue: CatalogueRef; entryCode: string } | null;
    fitsIndustrialPolicy?: boolean;
    developedInRegion?: boolean;
    manufacturedInRegion?: boolean;
    soldToOutsideCustomers?: boolean;
  };
  testReport: {
    present: boolean;
    institutionRecognition?: TestInstitutionRecognition;
    complete?: boolean;
    qualificationCertificateAttached?: boolean;
  };
  regulation: {
    productionLicenceApplies: boolean | 'unknown';
    hasProductionLicence?: boolean;
    cccApplies: boolean | 'unknown';
    hasCccCertificate?: boolean;
  };
}

/** The catalogue an application of this kind is judged against (M4.2 for equipment and components, M4.3 for materials). */
export function scopeCatalogueFor(
  kind: ProductKind,
  profile: Pick<PolicyProfile, 'equipmentFieldsCatalogue' | 'materialsCatalogue'>,
): CatalogueRef {
  return kind === 'FIRST_BATCH_MATERIAL' ? profile.materialsCatalogue : profile.equipmentFieldsCatalogue;
}

function accidentsWithin(
  dates: LocalDate[] | undefined,
  since: LocalDate,
  until: LocalDate,
): LocalDate[] | undefined {
  return dates?.map((d) => parseLocalDate(d, 'accidentDate')).filter((d) => d >= since && d <= until);
}

function m51(input: EligibilityInput, profile: PolicyProfile): ChecklistItem<'M5.1'> {
  const a = input.applicant;
  const item = new ItemBuilder(
    'M5.1',
    '申请单位为区内注册的独立法人企业，经营正常、管理规范、依法纳税、信用良好，近三年无安全和环境污染事故',
    'Enterprise registered in the region, independent legal person, operating normally, well managed, pays taxes, good credit, no safety or pollution accident in the lookback period',
    [
      {
        slotId: 'businessLicence',
        descriptionZh: '营业执照（住所、类型）',
        descriptionEn: 'business licence (address, legal form)',
      },
      {
        slotId: 'creditReport',
        descriptionZh: '专项信用报告（纳税、信用、事故记录）',
        descriptionEn: 'special credit report (tax, credit, accidents)',
      },
    ],
  );
  if (!/^\d{6}$/.test(a.registeredAddressDivisionCode))
    throw new InvalidDivisionCodeError(a.registeredAddressDivisionCode);
  const inRegion = a.registeredAddressDivisionCode.startsWith('15');
  if (!inRegion)
    item.fail(
      'M5.1_NOT_REGISTERED_IN_REGION',
      '申请单位注册地址不在自治区行政区域内',
      'The registered address is outside the region',
    );

  const uscc = parseUscc(a.uscc);
  if (!uscc.valid)
    item.fail(
      'M5.1_USCC_MALFORMED',
      `统一社会信用代码格式不正确：${uscc.issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.message)
        .join('；')}`,
      'The unified social credit code is malformed',
    );
  else {
    if (!uscc.checkCharacterOk)
      item.flag(
        'M5.1_USCC_CHECK_CHARACTER',
        '统一社会信用代码校验位不符，请对照营业执照核实（早期代码可能如此）',
        'The check character fails; verify against the licence (some early codes do)',
      );
    // The code never changes when an enterprise moves: a mismatch is a cross-check, not a refusal.
    if (inRegion && !uscc.inRegion)
      item.flag(
        'M5.1_USCC_DIVISION_MISMATCH',
        '统一社会信用代码的登记机关区划不在区内（企业可能自区外迁入），请核实注册地址',
        'The code was issued outside the region (the enterprise may have moved in); verify the address',
      );
  }

  if (
    uscc.independentLegalPerson === false ||
    a.legalForm === 'sole_trader' ||
    a.legalForm === 'farmer_cooperative'
  ) {
    item.fail(
      'M5.1_NOT_LEGAL_PERSON_ENTERPRISE',
      '个体工商户、农民专业合作社不属于具有独立法人资格的企业',
      'Sole traders and farmer cooperatives are not independent legal-person enterprises',
    );
  } else if (a.legalForm === 'branch' || a.legalForm === 'other') {
    item.fail(
      'M5.1_NOT_LEGAL_PERSON_ENTERPRISE',
      '分支机构等非独立法人企业不能作为申请单位，应由其法人企业申请',
      'A branch or other non-legal-person entity cannot apply; its legal-person enterprise applies',
    );
  } else if (a.legalForm === undefined) {
    item.flag(
      'M5.1_LEGAL_FORM_UNKNOWN',
      '待核实：营业执照类型（是否独立法人企业）',
      'To verify: the legal form on the licence',
    );
  }
  item.check(a.operatingNormally, 'M5.1_OPERATING_ABNORMALLY', '经营状态正常', 'operating normally');
  item.check(a.wellManaged, 'M5.1_NOT_WELL_MANAGED', '管理规范', 'well managed');
  item.check(a.taxCompliant, 'M5.1_TAX', '依法纳税', 'pays taxes lawfully');
  item.check(a.goodCredit, 'M5.1_CREDIT', '信用良好', 'good credit');

  // “近三年”: an accident on or after the corresponding day N years before the application counts.
  const since = addYearsClamped(input.applicationDate, -profile.accidentLookbackYears);
  for (const [dates, code, zh, en] of [
    [a.safetyAccidentDates, 'M5.1_SAFETY_ACCIDENT', '安全责任事故', 'safety accident'],
    [
      a.environmentalAccidentDates,
      'M5.1_ENVIRONMENTAL_ACCIDENT',
      '环境污染事故',
      'environmental-pollution accident',
    ],
  ] as const) {
    const within = accidentsWithin(dates, since, input.applicationDate);
    if (within === undefined)
      item.flag(
        `${code}_UNDECLARED`,
        `待申报：近${profile.accidentLookbackYears}年是否发生${zh}`,
        `To declare: any ${en} in the last ${profile.accidentLookbackYears} years`,
      );
    else if (within.length > 0)
      item.fail(
        code,
        `${within.join('、')} 发生${zh}，在申报日前${profile.accidentLookbackYears}年内（${since} 起）`,
        `${en} on ${within.join(', ')}, within ${profile.accidentLookbackYears} years before the application (since ${since})`,
      );
  }
  return item.build();
}

function m52(input: EligibilityInput): ChecklistItem<'M5.2'> {
  const c = input.capability;
  return new ItemBuilder(
    'M5.2',
    '具备自主研发、制造、集成能力，拥有技术基础和人才团队，具备较强研发能力和规模化生产条件',
    'Own R&D, manufacturing and integration capability, technical base and team, scale-production conditions',
    [
      {
        slotId: 'applicationForm',
        descriptionZh: '申报书中研发制造能力、团队情况',
        descriptionEn: 'capability and team sections of the application form',
      },
      {
        slotId: 'auditedFinancialReport',
        descriptionZh: '财务审计报告（研发投入、生产规模）',
        descriptionEn: 'audited financial report (R&D spending, production scale)',
      },
    ],
  )
    .check(c.ownRd, 'M5.2_RD', '自主开展产品研发', 'own R&D')
    .check(c.ownManufacturing, 'M5.2_MANUFACTURING', '自主开展产品制造', 'own manufacturing')
    .check(c.ownIntegration, 'M5.2_INTEGRATION', '自主开展产品集成', 'own integration')
    .check(c.technicalTeam, 'M5.2_TEAM', '拥有技术基础和相应人才团队', 'technical base and team')
    .check(c.scaleProduction, 'M5.2_SCALE', '具备规模化生产条件', 'scale-production conditions')
    .build();
}

function m53(input: EligibilityInput): ChecklistItem<'M5.3'> {
  const ip = input.ip;
  const item = new ItemBuilder(
    'M5.3',
    '掌握关键技术和工艺，依法拥有自主知识产权（含受让取得的所有权或使用权）和自主品牌，拥有注册商标所有权',
    'Masters key technology and process; owns the IP (assigned ownership or use rights count) and brand; owns the registered trademark',
    [
      {
        slotId: 'ipProof',
        descriptionZh: '知识产权权属和自主品牌证明、商标注册证',
        descriptionEn: 'proof of IP ownership and brand, trademark registration',
      },
      {
        slotId: 'ipContracts',
        descriptionZh: '涉及多个单位时的转让、许可等合同',
        descriptionEn: 'contracts when several parties share the IP',
      },
    ],
  );
  item.check(
    ip.mastersKeyTechnologyAndProcess,
    'M5.3_KEY_TECHNOLOGY',
    '掌握产品生产的关键技术、关键工艺',
    'masters the key technology and process',
  );
  if (ip.basis === 'none')
    item.fail(
      'M5.3_NO_IP',
      '不满足：依法拥有自主知识产权（所有权或受让取得的所有权、使用权）',
      'Not met: own IP (ownership, or assigned ownership or use rights)',
    );
  else if (ip.basis === undefined)
    item.flag('M5.3_IP_UNKNOWN', '待提供或核实：知识产权权属', 'To be provided or verified: IP ownership');
  item.check(ip.ownsOwnBrand, 'M5.3_BRAND', '拥有自主品牌', 'own brand');
  item.check(
    ip.ownsRegisteredTrademark,
    'M5.3_TRADEMARK',
    '拥有产品注册商标所有权',
    'owns the registered trademark',
  );
  return item.build();
}

function m54(input: EligibilityInput, profile: PolicyProfile): ChecklistItem<'M5.4'> {
  const p = input.product;
  const item = new ItemBuilder(
    'M5.4',
    '产品符合第二条定义、属于第四条范围、符合国家产业政策，在区内研发制造并实现对外销售',
    'Product meets Art. 2, is in Art. 4 scope, fits national industrial policy, developed and made in the region and sold to outside customers',
    [
      {
        slotId: 'noveltySearchReport',
        descriptionZh: '查新报告（首次研制、创新突破）',
        descriptionEn: 'novelty-search report (first developed, breakthrough)',
      },
      {
        slotId: 'salesContracts',
        descriptionZh: '对外销售合同',
        descriptionEn: 'sales contracts with outside customers',
      },
      { slotId: 'salesInvoices', descriptionZh: '销售发票', descriptionEn: 'sales invoices' },
      { slotId: 'userReports', descriptionZh: '用户报告', descriptionEn: 'user reports' },
    ],
  );
  if (p.definition) {
    // M2.1 / M2.2: each fact of the definition on its own, so the reviewer sees which one fails.
    const { notMet, unknown } = definitionFindings(input.productKind, p.definition);
    for (const f of notMet) item.fail(f.code, `不满足第二条定义：${f.zh}`, `Not met (Article 2): ${f.en}`);
    for (const f of unknown) item.flag(`${f.code}_UNKNOWN`, `待申报：${f.zh}`, `To declare: ${f.en}`);
  } else
    item.check(
      p.meetsDefinition,
      'M5.4_DEFINITION',
      input.productKind === 'FIRST_BATCH_MATERIAL'
        ? '符合第二条新材料首批（次）定义'
        : '符合第二条技术装备首台（套）定义',
      'meets the definition of Article 2',
    );
  const expected = scopeCatalogueFor(input.productKind, profile);
  if (p.scope === null)
    item.fail(
      'M5.4_OUT_OF_SCOPE',
      '产品不属于第四条认定范围（未匹配目录条目）',
      'The product is not in the Article 4 scope (no catalogue entry)',
    );
  else if (p.scope.catalogue.id !== expected.id || p.scope.catalogue.version !== expected.version) {
    item.flag(
      'M5.4_CATALOGUE_VERSION',
      `范围按目录 ${p.scope.catalogue.id}@${p.scope.catalogue.version} 判定，本批次适用 ${expected.id}@${expected.version}，请重新核对`,
      `Scope was matched in ${p.scope.catalogue.id}@${p.scope.catalogue.version}; this batch uses ${expected.id}@${expected.version}`,
    );
  }
  item.check(
    p.fitsIndustrialPolicy,
    'M5.4_INDUSTRIAL_POLICY',
    '符合国家产业政策',
    'fits national industrial policy',
  );
  item.check(p.developedInRegion, 'M5.4_DEVELOPED_IN_REGION', '在区内研发', 'developed in the region');
  item.check(p.manufacturedInRegion, 'M5.4_MADE_IN_REGION', '在区内制造', 'manufactured in the region');
  item.check(p.soldToOutsideCustomers, 'M5.4_NO_EXTERNAL_SALES', '实现对外销售', 'sold to outside customers');
  return item.build();
}

const RECOGNIZED_TESTERS: readonly TestInstitutionRecognition[] = [
  'national_market_regulator',
  'provincial_market_regulator',
  'industry_authority',
];

function m55(input: EligibilityInput): ChecklistItem<'M5.5'> {
  const t = input.testReport;
  const item = new ItemBuilder(
    'M5.5',
    '通过省级（含）以上市场监管部门认定的检验检测机构或行业权威机构的性能参数检测，报告完整并附机构资质证书',
    'Performance test by an institution recognized by a provincial-level or higher market regulator, or a trade authority; complete report and qualification certificate',
    [
      { slotId: 'testReport', descriptionZh: '性能参数检测报告', descriptionEn: 'performance test report' },
      {
        slotId: 'testInstitutionQualification',
        descriptionZh: '检验检测机构资质证书',
        descriptionEn: "testing institution's qualification certificate",
      },
    ],
  );
  if (!t.present)
    return item.fail('M5.5_NO_TEST_REPORT', '未提供性能参数检测报告', 'No performance test report').build();
  if (t.institutionRecognition === undefined)
    item.flag(
      'M5.5_INSTITUTION_UNKNOWN',
      '待核实：检验检测机构的资质认定层级',
      'To verify: who recognized the testing institution',
    );
  else if (!RECOGNIZED_TESTERS.includes(t.institutionRecognition))
    item.fail(
      'M5.5_INSTITUTION_NOT_RECOGNIZED',
      '检验检测机构不是省级（含）以上市场监管部门认定的机构或行业公认权威机构',
      'The testing institution is not recognized by a provincial-level or higher market regulator or a trade authority',
    );
  item.check(t.complete, 'M5.5_REPORT_INCOMPLETE', '检测报告完整', 'the report is complete');
  item.check(
    t.qualificationCertificateAttached,
    'M5.5_NO_QUALIFICATION_CERTIFICATE',
    '附检验检测机构资质证书',
    "the institution's qualification certificate is attached",
  );
  return item.build();
}

function m56(input: EligibilityInput): ChecklistItem<'M5.6'> {
  const r = input.regulation;
  const item = new ItemBuilder(
    'M5.6',
    '属于特殊行业管理的产品具有生产许可证；属于强制性认证的产品取得强制性产品认证证书',
    'Production licence for products under special-industry control; CCC for products under compulsory certification',
    [
      {
        slotId: 'productionLicence',
        descriptionZh: '产品生产许可证（适用时）',
        descriptionEn: 'production licence (where it applies)',
      },
      {
        slotId: 'cccCertificate',
        descriptionZh: '强制性产品认证证书（适用时）',
        descriptionEn: 'CCC certificate (where it applies)',
      },
    ],
  );
  for (const [applies, has, code, zh, en] of [
    [
      r.productionLicenceApplies,
      r.hasProductionLicence,
      'M5.6_PRODUCTION_LICENCE',
      '生产许可证',
      'production licence',
    ],
    [r.cccApplies, r.hasCccCertificate, 'M5.6_CCC', '强制性产品认证', 'CCC certification'],
  ] as const) {
    if (applies === 'unknown')
      item.flag(
        `${code}_APPLICABILITY_UNKNOWN`,
        `待核实：产品是否属于${zh}管理目录`,
        `To verify: whether the product falls under ${en}`,
      );
    else if (applies) item.check(has, code, `具有${zh}`, `holds the ${en}`);
  }
  return item.build();
}

/** M5.1–M5.6 as a checklist, judged with the profile in force for the application's batch. */
export function checkEligibility(
  input: EligibilityInput,
  profile: PolicyProfile,
): ChecklistItem<EligibilityId>[] {
  parseLocalDate(input.applicationDate, 'applicationDate');
  return [m51(input, profile), m52(input), m53(input), m54(input, profile), m55(input), m56(input)];
}
