import { PolicyProfile } from '../policy/policy-profile';
import { DomainError } from '../shared/errors';
import { LocalDate, addYearsClamped, parseLocalDate } from '../shared/local-date';
import { ChecklistItem, ItemBuilder } from './checklist';
import { PriorRecognition, matchSeriesModel } from './series-model';

export type ExclusionId = 'M6.1' | 'M6.2' | 'M6.3' | 'M6.4' | 'M6.5';

export interface ExclusionInput {
  /** The application date: the Asia/Shanghai date of submission. */
  applicationDate: LocalDate;
  /** The date R&D was completed (e.g. the date of the trial-use / acceptance report). */
  rdCompletionDate: LocalDate;
  applicantUscc: string;
  product: { series: string; model: string };
  developedOnlyForOwnUse?: boolean;
  customOrderedFromOutside?: boolean;
  madeWithIntroducedTechnology?: boolean;
  priorRecognitions: readonly PriorRecognition[];
}

export class RdCompletionAfterApplicationError extends DomainError {
  readonly code = 'RD_COMPLETION_AFTER_APPLICATION';
  constructor(rdCompletionDate: string, applicationDate: string) {
    super(
      `研发完成日期 ${rdCompletionDate} 晚于申报日期 ${applicationDate}，请核对研发完成时间（以试用或验收报告日期为准）。`,
      `R&D completion date ${rdCompletionDate} is after the application date ${applicationDate}; check it (the trial-use or acceptance report date).`,
      { rdCompletionDate, applicationDate },
    );
  }
}

/**
 * M6.5 “研发完成时间距离申报时间超过两年”: the latest application date still allowed is the
 * corresponding day N years after completion (a 29 February completion → 28 February). Applying
 * on that day is within N years; the day after is more than N years.
 */
export function latestApplicationDateForRd(rdCompletionDate: LocalDate, maxRdAgeYears: number): LocalDate {
  return addYearsClamped(parseLocalDate(rdCompletionDate, 'rdCompletionDate'), maxRdAgeYears);
}

export function isRdTooOld(
  rdCompletionDate: LocalDate,
  applicationDate: LocalDate,
  maxRdAgeYears: number,
): boolean {
  const rd = parseLocalDate(rdCompletionDate, 'rdCompletionDate');
  const applied = parseLocalDate(applicationDate, 'applicationDate');
  if (rd > applied) throw new RdCompletionAfterApplicationError(rd, applied);
  return applied > latestApplicationDateForRd(rd, maxRdAgeYears);
}

/** M6.1–M6.5 as a checklist; 'not_met' means the product is excluded from recognition. */
export function checkExclusions(input: ExclusionInput, profile: PolicyProfile): ChecklistItem<ExclusionId>[] {
  const m61 = new ItemBuilder(
    'M6.1',
    '不属于企业研发仅限于自用的产品',
    'Not a product developed only for own use',
    [
      {
        slotId: 'salesContracts',
        descriptionZh: '对外销售合同',
        descriptionEn: 'sales contracts with outside customers',
      },
    ],
  ).check(
    input.developedOnlyForOwnUse === undefined ? undefined : !input.developedOnlyForOwnUse,
    'M6.1_OWN_USE',
    '不属于仅限自用的产品',
    'not developed only for own use',
  );

  const m62 = new ItemBuilder(
    'M6.2',
    '不属于企业向外定制的专用产品',
    'Not a custom product ordered from outside',
    [
      {
        slotId: 'ipProof',
        descriptionZh: '研发、制造过程证明',
        descriptionEn: 'proof of own development and manufacture',
      },
    ],
  ).check(
    input.customOrderedFromOutside === undefined ? undefined : !input.customOrderedFromOutside,
    'M6.2_CUSTOM_ORDERED',
    '不属于向外定制的专用产品',
    'not ordered as a custom product from outside',
  );

  const m63 = new ItemBuilder(
    'M6.3',
    '不属于引进新技术、新工艺生产的产品',
    'Not made with introduced technology or processes',
    [
      { slotId: 'noveltySearchReport', descriptionZh: '查新报告', descriptionEn: 'novelty-search report' },
      {
        slotId: 'ipContracts',
        descriptionZh: '技术转让、许可合同（如有）',
        descriptionEn: 'technology transfer or licence contracts (if any)',
      },
    ],
  ).check(
    input.madeWithIntroducedTechnology === undefined ? undefined : !input.madeWithIntroducedTechnology,
    'M6.3_INTRODUCED_TECHNOLOGY',
    '不属于引进新技术、新工艺生产的产品',
    'not made with introduced technology or processes',
  );

  const m64 = new ItemBuilder(
    'M6.4',
    '没有同系列型号已通过首台（套）认定',
    'No model of the same series already recognized',
    [
      {
        slotId: 'applicationForm',
        descriptionZh: '产品系列、型号说明',
        descriptionEn: 'series and model of the product',
      },
    ],
  );
  const match = matchSeriesModel(
    { applicantUscc: input.applicantUscc, ...input.product },
    input.priorRecognitions,
  );
  if (match) {
    const ref = `${match.prior.series} ${match.prior.model}（${match.prior.recognitionId}）`;
    if (match.level === 'same_series' || match.level === 'same_model') {
      m64.fail(
        'M6.4_SERIES_ALREADY_RECOGNIZED',
        `同系列型号已通过认定：${ref}`,
        `A model of the same series is already recognized: ${match.prior.series} ${match.prior.model} (${match.prior.recognitionId})`,
      );
    } else if (match.level === 'same_stem') {
      m64.flag(
        'M6.4_POSSIBLE_SAME_SERIES',
        `型号与已认定产品 ${ref} 前缀相同，请核实是否属于同一系列`,
        `The model shares its prefix with recognized ${match.prior.model} (${match.prior.recognitionId}); check whether it is the same series`,
      );
    } else {
      m64.flag(
        'M6.4_OTHER_APPLICANT_SAME_MODEL',
        `其他单位已有同系列同型号产品通过认定：${ref}，请核实技术来源`,
        `Another applicant's product of the same series and model is recognized (${match.prior.recognitionId}); check where the technology came from`,
      );
    }
  }

  const latest = latestApplicationDateForRd(input.rdCompletionDate, profile.maxRdAgeYears);
  const m65 = new ItemBuilder(
    'M6.5',
    `研发完成时间距申报时间不超过${profile.maxRdAgeYears}年`,
    `R&D finished no more than ${profile.maxRdAgeYears} years before the application`,
    [
      {
        slotId: 'userReports',
        descriptionZh: '试用报告、验收报告等研发完成时间证明',
        descriptionEn: 'trial-use or acceptance report dating R&D completion',
      },
    ],
  );
  if (isRdTooOld(input.rdCompletionDate, input.applicationDate, profile.maxRdAgeYears)) {
    m65.fail(
      'M6.5_RD_TOO_OLD',
      `研发完成于 ${input.rdCompletionDate}，距申报日 ${input.applicationDate} 超过${profile.maxRdAgeYears}年（最迟应于 ${latest} 申报）`,
      `R&D finished on ${input.rdCompletionDate}, more than ${profile.maxRdAgeYears} years before the application on ${input.applicationDate} (latest allowed: ${latest})`,
    );
  }

  return [m61.build(), m62.build(), m63.build(), m64.build(), m65.build()];
}
