import { ProductKind } from '../model/product';
import { parseLocalDate } from '../shared/local-date';
import { MaterialRequirement } from './material-requirement';
import { PolicyProfile } from './policy-profile';
import { INNER_MONGOLIA_PLEDGE } from './truthfulness-pledge';
import { INNER_MONGOLIA_REVIEW } from '../review/review-profile';
import { INNER_MONGOLIA_RECOGNITION } from '../recognition/recognition-profile';

/** M7.4, items (1)–(8), split into one slot per document the prefecture checks separately. */
export const INNER_MONGOLIA_MATERIALS: readonly MaterialRequirement[] = [
  {
    slotId: 'applicationForm',
    item: 1,
    nameZh: '产品认定申报书',
    nameEn: 'application form',
    nameByKind: {
      [ProductKind.FIRST_SET_EQUIPMENT]: {
        zh: '内蒙古技术装备首台（套）产品认定申报书',
        en: 'Inner Mongolia first-set (unit) technical equipment application form',
      },
      [ProductKind.FIRST_BATCH_COMPONENT]: {
        zh: '内蒙古关键零部件首批（次）产品认定申报书',
        en: 'Inner Mongolia first-batch key component application form',
      },
      [ProductKind.FIRST_BATCH_MATERIAL]: {
        zh: '内蒙古新材料首批（次）产品认定申报书',
        en: 'Inner Mongolia first-batch new material application form',
      },
    },
    condition: 'always',
    measuresIds: ['M7.4'],
  },
  {
    slotId: 'creditReport',
    item: 2,
    nameZh: '专项信用报告（“信用中国（内蒙古）”或国家企业信用信息公示系统（内蒙古）下载）',
    nameEn:
      'special credit report (Credit China (Inner Mongolia) or the National Enterprise Credit Information Publicity System)',
    condition: 'always',
    measuresIds: ['M7.4', 'M5.1'],
  },
  {
    slotId: 'businessLicence',
    item: 3,
    nameZh: '营业执照副本复印件',
    nameEn: 'copy of the business licence',
    condition: 'always',
    measuresIds: ['M7.4', 'M5.1'],
  },
  {
    slotId: 'ipProof',
    item: 4,
    nameZh: '知识产权权益归属和自主品牌状况的有效证明文件',
    nameEn: 'proof of IP ownership and own brand',
    condition: 'always',
    measuresIds: ['M7.4', 'M5.3'],
  },
  {
    slotId: 'ipContracts',
    item: 4,
    nameZh: '技术转让、许可、授权、合作生产、合作开发的合同或协议',
    nameEn: 'transfer, licence, authorization, joint-production or joint-development contracts',
    condition: 'ip_shared_by_several_parties',
    measuresIds: ['M7.4', 'M5.3'],
  },
  {
    slotId: 'noveltySearchReport',
    item: 5,
    nameZh: '省级及以上具有查新资质的机构出具的产品检索查新报告',
    nameEn: 'novelty-search report from a provincial-level or higher qualified institution',
    condition: 'always',
    measuresIds: ['M7.4'],
  },
  {
    slotId: 'testReport',
    item: 5,
    nameZh: '产品质量（性能参数）检测报告',
    nameEn: 'product quality (performance) test report',
    condition: 'always',
    measuresIds: ['M7.4', 'M5.5'],
  },
  {
    slotId: 'testInstitutionQualification',
    item: 5,
    nameZh: '检验检测报告机构的资质证书',
    nameEn: "the testing institution's qualification certificate",
    condition: 'always',
    measuresIds: ['M5.5'],
  },
  {
    slotId: 'productionLicence',
    item: 5,
    nameZh: '产品生产许可证',
    nameEn: 'production licence',
    condition: 'production_licence_applies',
    measuresIds: ['M7.4', 'M5.6'],
  },
  {
    slotId: 'cccCertificate',
    item: 5,
    nameZh: '强制性产品认证证书',
    nameEn: 'compulsory product certification (CCC) certificate',
    condition: 'ccc_applies',
    measuresIds: ['M7.4', 'M5.6'],
  },
  {
    slotId: 'salesContracts',
    item: 6,
    nameZh: '销售合同',
    nameEn: 'sales contracts',
    condition: 'always',
    measuresIds: ['M7.4', 'M5.4'],
  },
  {
    slotId: 'salesInvoices',
    item: 6,
    nameZh: '销售发票',
    nameEn: 'sales invoices',
    condition: 'always',
    measuresIds: ['M7.4', 'M5.4'],
  },
  {
    slotId: 'userReports',
    item: 6,
    nameZh: '对应的用户报告',
    nameEn: 'user reports',
    condition: 'always',
    measuresIds: ['M7.4', 'M5.4'],
  },
  {
    slotId: 'auditedFinancialReport',
    item: 7,
    nameZh: '申报单位上年度财务审计报告',
    nameEn: "last year's audited financial report",
    condition: 'always',
    measuresIds: ['M7.4'],
  },
  {
    slotId: 'otherSupportingMaterial',
    item: 8,
    nameZh: '其他佐证材料',
    nameEn: 'other supporting material',
    condition: 'optional',
    measuresIds: ['M7.4'],
  },
];

/**
 * The Inner Mongolia draft Measures (征求意见稿), the default profile. The draft takes effect on
 * publication (M15); the effective date is a placeholder the Department sets when it is published.
 */
export const INNER_MONGOLIA_DRAFT_PROFILE: PolicyProfile = Object.freeze({
  id: 'nmg-first-set',
  version: 'draft',
  nameZh: '内蒙古自治区技术装备首台（套）关键零部件及新材料首批（次）认定管理办法（征求意见稿）',
  nameEn:
    'Inner Mongolia Measures for the Recognition of First-Set Equipment, Key Components and First-Batch New Materials (draft)',
  effectiveFrom: parseLocalDate('2025-01-01'),
  measuresReference: 'shared/policy/measures-draft.zh.txt (replaces 内工信装工字〔2023〕498号)',
  publicityWorkingDays: 5,
  publicityCountsPublicationDay: true,
  validityYears: 3,
  applicantBanYears: 3,
  institutionBanYears: 3,
  maxRdAgeYears: 2,
  accidentLookbackYears: 3,
  batchesPerYear: 1,
  materials: INNER_MONGOLIA_MATERIALS,
  materialsRequiredAtSubmission: true,
  truthfulnessPledge: INNER_MONGOLIA_PLEDGE,
  comprehensiveReview: INNER_MONGOLIA_REVIEW,
  recognition: INNER_MONGOLIA_RECOGNITION,
  equipmentFieldsCatalogue: { id: 'nmg-equipment-fields', version: 'measures-draft' },
  materialsCatalogue: { id: 'industrial-sei-catalogue-new-materials', version: '2024' },
});
