import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { InvalidDateError } from '../shared/errors';
import { LocalDate, parseLocalDate } from '../shared/local-date';
import { ALTERNATIVE_PROFILE as ALT } from '../testing/alternative-profile';
import {
  ExclusionInput,
  RdCompletionAfterApplicationError,
  checkExclusions,
  isRdTooOld,
  latestApplicationDateForRd,
} from './exclusions';
import { PriorRecognition, matchSeriesModel, modelStem, normalizeDesignation } from './series-model';

const d = (s: string) => parseLocalDate(s);
const USCC = '91150200MA0N8K2D0X';
const OTHER = '91150100MA0000001Y';

const base: ExclusionInput = {
  applicationDate: d('2026-04-15'),
  rdCompletionDate: d('2025-06-30'),
  applicantUscc: USCC,
  product: { series: 'XG', model: 'XG-3000' },
  developedOnlyForOwnUse: false,
  customOrderedFromOutside: false,
  madeWithIntroducedTechnology: false,
  priorRecognitions: [],
};
const item = (input: Partial<ExclusionInput>, id: string, profile = IM) =>
  checkExclusions({ ...base, ...input }, profile).find((i) => i.id === id)!;
const prior = (p: Partial<PriorRecognition>): PriorRecognition => ({
  recognitionId: 'NMG-2024-017',
  applicantUscc: USCC,
  productKind: 'FIRST_SET_EQUIPMENT',
  series: 'XG',
  model: 'XG-2000',
  status: 'RECOGNIZED',
  ...p,
});

describe('exclusions (M6)', () => {
  it('a product with none of the exclusions passes all five items', () => {
    expect(checkExclusions(base, IM).map((i) => [i.id, i.result])).toEqual([
      ['M6.1', 'met'],
      ['M6.2', 'met'],
      ['M6.3', 'met'],
      ['M6.4', 'met'],
      ['M6.5', 'met'],
    ]);
  });

  it.each([
    ['M6.1', { developedOnlyForOwnUse: true }, 'not_met', 'M6.1_OWN_USE'],
    ['M6.1', { developedOnlyForOwnUse: undefined }, 'needs_review', 'M6.1_OWN_USE_UNKNOWN'],
    ['M6.2', { customOrderedFromOutside: true }, 'not_met', 'M6.2_CUSTOM_ORDERED'],
    ['M6.3', { madeWithIntroducedTechnology: true }, 'not_met', 'M6.3_INTRODUCED_TECHNOLOGY'],
    [
      'M6.3',
      { madeWithIntroducedTechnology: undefined },
      'needs_review',
      'M6.3_INTRODUCED_TECHNOLOGY_UNKNOWN',
    ],
  ] as const)('%s excludes or flags: %p → %s', (id, change, result, code) => {
    const i = item(change, id);
    expect(i.result).toBe(result);
    expect(i.reasons.map((r) => r.code)).toEqual([code]);
  });

  describe('M6.5 R&D completion age (boundary: the corresponding day is still within)', () => {
    it.each([
      ['exactly two years: allowed', '2024-04-15', '2026-04-15', 'met'],
      ['two years and a day: excluded', '2024-04-15', '2026-04-16', 'not_met'],
      ['a day short of two years: allowed', '2024-04-16', '2026-04-15', 'met'],
      ['completed 29 Feb 2024, applying 28 Feb 2026: allowed', '2024-02-29', '2026-02-28', 'met'],
      ['completed 29 Feb 2024, applying 1 Mar 2026: excluded', '2024-02-29', '2026-03-01', 'not_met'],
      ['completed 28 Feb 2026, applying 28 Feb 2028: allowed', '2026-02-28', '2028-02-28', 'met'],
      ['completed 28 Feb 2026, applying 29 Feb 2028: excluded', '2026-02-28', '2028-02-29', 'not_met'],
      ['completed the same day', '2026-04-15', '2026-04-15', 'met'],
    ])('M6.5 %s (%s → %s)', (_label, rd, applied, result) => {
      const i = item({ rdCompletionDate: d(rd), applicationDate: d(applied) }, 'M6.5');
      expect(i.result).toBe(result);
      if (result === 'not_met') expect(i.reasons[0].code).toBe('M6.5_RD_TOO_OLD');
    });

    it.each([
      ['2024-04-15', '2027-04-15', 'met'],
      ['2024-04-15', '2027-04-16', 'not_met'],
    ])('M6.5 under the second profile (3 years): %s → %s is %s', (rd, applied, result) => {
      expect(item({ rdCompletionDate: d(rd), applicationDate: d(applied) }, 'M6.5', ALT).result).toBe(result);
      expect(item({ rdCompletionDate: d(rd), applicationDate: d(applied) }, 'M6.5', ALT).titleZh).toContain(
        '3年',
      );
    });

    it('M6.5 states the latest allowed application date', () => {
      expect(latestApplicationDateForRd(d('2024-02-29'), 2)).toBe('2026-02-28');
      expect(item({ rdCompletionDate: d('2023-01-10') }, 'M6.5').reasons[0].message).toContain('2025-01-10');
    });

    it('M6.5 a completion date after the application date is RD_COMPLETION_AFTER_APPLICATION', () => {
      expect(() => isRdTooOld(d('2026-05-01'), d('2026-04-15'), 2)).toThrow(
        RdCompletionAfterApplicationError,
      );
      expect(() => checkExclusions({ ...base, rdCompletionDate: d('2026-05-01') }, IM)).toThrow(
        RdCompletionAfterApplicationError,
      );
    });

    it('M6.5 an impossible date is INVALID_DATE', () => {
      expect(() => checkExclusions({ ...base, rdCompletionDate: '2025-02-29' as LocalDate }, IM)).toThrow(
        InvalidDateError,
      );
    });
  });

  describe('M6.4 series and model matching', () => {
    it.each(
      (
        [
          [
            'same applicant, same series',
            prior({}),
            { series: 'XG', model: 'XG-3000' },
            'not_met',
            'M6.4_SERIES_ALREADY_RECOGNIZED',
          ],
          [
            'same applicant, same series written differently',
            prior({ series: 'ｘｇ 系列' }),
            { series: 'XG系列', model: 'XG-3000' },
            'not_met',
            'M6.4_SERIES_ALREADY_RECOGNIZED',
          ],
          [
            'same applicant, same model under a new series name',
            prior({ series: 'OLD', model: 'XG3000' }),
            { series: 'NEW', model: 'XG-3000' },
            'not_met',
            'M6.4_SERIES_ALREADY_RECOGNIZED',
          ],
          [
            'same applicant, model prefix shared',
            prior({ series: 'OLD', model: 'XG-2000' }),
            { series: 'NEW', model: 'XG-3000' },
            'needs_review',
            'M6.4_POSSIBLE_SAME_SERIES',
          ],
          [
            'another applicant, same series and model',
            prior({ applicantUscc: OTHER, model: 'XG-3000' }),
            { series: 'XG', model: 'XG 3000' },
            'needs_review',
            'M6.4_OTHER_APPLICANT_SAME_MODEL',
          ],
          [
            'an expired recognition still counts',
            prior({ status: 'EXPIRED' }),
            { series: 'XG', model: 'XG-3000' },
            'not_met',
            'M6.4_SERIES_ALREADY_RECOGNIZED',
          ],
        ] as const
      ).map(([label, p, product, result, code]) => [label, result, p, product, code] as const),
    )('M6.4 %s → %s', (_label, result, p, product, code) => {
      const i = item({ product, priorRecognitions: [p] }, 'M6.4');
      expect(i.result).toBe(result);
      expect(i.reasons[0].code).toBe(code);
      expect(i.reasons[0].message).toContain('NMG-2024-017');
    });

    it.each([
      [
        'a revoked recognition never passed',
        prior({ status: 'REVOKED' }),
        { series: 'XG', model: 'XG-3000' },
      ],
      [
        'another applicant, same series, other model',
        prior({ applicantUscc: OTHER }),
        { series: 'XG', model: 'XG-3000' },
      ],
      [
        'same applicant, unrelated series and model',
        prior({ series: 'HB', model: 'HB-10' }),
        { series: 'XG', model: 'XG-3000' },
      ],
      [
        'same applicant, one-letter stem is too weak a match',
        prior({ series: 'A1', model: 'K100' }),
        { series: 'B2', model: 'K200' },
      ],
    ] as const)('M6.4 no match: %s', (_label, p, product) => {
      expect(item({ product, priorRecognitions: [p] }, 'M6.4').result).toBe('met');
    });

    it('M6.4 reports the strongest match first', () => {
      const m = matchSeriesModel({ applicantUscc: USCC, series: 'XG', model: 'XG-3000' }, [
        prior({ applicantUscc: OTHER, model: 'XG-3000' }),
        prior({ recognitionId: 'B', series: 'OLD', model: 'XG-1' }),
        prior({ recognitionId: 'A' }),
      ]);
      expect(m).toMatchObject({ level: 'same_series', prior: { recognitionId: 'A' } });
    });

    it('M6.4 normalizes designations', () => {
      expect(normalizeDesignation(' ＸＧ－３０００ 型 ')).toBe('XG3000型');
      expect(modelStem('xg-3000')).toBe('XG');
      expect(modelStem('3000')).toBe('');
    });
  });
});
