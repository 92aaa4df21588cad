import { INNER_MONGOLIA_MATERIALS } from '../policy/inner-mongolia-draft';
import { INNER_MONGOLIA_PLEDGE } from '../policy/truthfulness-pledge';
import { PolicyProfile } from '../policy/policy-profile';
import { INNER_MONGOLIA_REVIEW } from '../review/review-profile';
import { INNER_MONGOLIA_RECOGNITION } from '../recognition/recognition-profile';
import { parseLocalDate } from '../shared/local-date';

/**
 * A second profile with other numbers, used by the tests to prove that no rule hard-codes the
 * Inner Mongolia values (and as a template for a revision or another province).
 */
export const ALTERNATIVE_PROFILE: PolicyProfile = Object.freeze({
  id: 'example-province',
  version: '2027',
  nameZh: '示例省份首台（套）认定办法（测试用）',
  nameEn: 'Example province measures (for tests)',
  effectiveFrom: parseLocalDate('2027-01-01'),
  measuresReference: 'test fixture',
  publicityWorkingDays: 7,
  publicityCountsPublicationDay: false,
  validityYears: 5,
  applicantBanYears: 2,
  institutionBanYears: 5,
  maxRdAgeYears: 3,
  accidentLookbackYears: 2,
  batchesPerYear: 2,
  // No novelty-search report, and a CCC certificate always required.
  materials: INNER_MONGOLIA_MATERIALS.filter((m) => m.slotId !== 'noveltySearchReport').map((m) =>
    m.slotId === 'cccCertificate' ? { ...m, condition: 'always' as const } : m,
  ),
  // A pilot: missing materials are warnings, not refusals.
  materialsRequiredAtSubmission: false,
  truthfulnessPledge: { ...INNER_MONGOLIA_PLEDGE, version: 'example-pledge-1' },
  // Two experts, a tighter divergence, and the same prefecture as a conflict.
  comprehensiveReview: { ...INNER_MONGOLIA_REVIEW, panelSize: 2, fieldMatchesRequired: 1, divergenceThreshold: 15, samePrefectureConflict: true },
  // Another letterhead and numbering.
  recognition: {
    ...INNER_MONGOLIA_RECOGNITION,
    issuerZh: '示例省工业和信息化厅',
    issuerEn: 'Example Province Department of Industry and Information Technology',
    documentNumberPattern: '示工信认〔{year}〕{seq:3}号',
    certificateNumberPattern: 'EX{year}{seq:5}',
  },
  equipmentFieldsCatalogue: { id: 'example-equipment-fields', version: 'v2' },
  materialsCatalogue: { id: 'industrial-sei-catalogue-new-materials', version: '2023' },
});
