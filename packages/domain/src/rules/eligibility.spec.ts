import { computeOrganizationCodeCheck, computeUsccCheckCharacter } from '../enterprise/uscc';
import { InvalidDivisionCodeError } from '../enterprise/recommending-bodies';
import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { InvalidDateError } from '../shared/errors';
import { LocalDate, parseLocalDate } from '../shared/local-date';
import { ALTERNATIVE_PROFILE as ALT } from '../testing/alternative-profile';
import { overallResult } from './checklist';
import { EligibilityInput, checkEligibility, scopeCatalogueFor } from './eligibility';

const d = (s: string) => parseLocalDate(s);
function uscc(prefix: string, division: string): string {
  const org8 = 'MA0N8K2D';
  const first17 = `${prefix}${division}${org8}${computeOrganizationCodeCheck(org8)}`;
  return first17 + computeUsccCheckCharacter(first17);
}
const BAOTOU = uscc('91', '150200');

const good: EligibilityInput = {
  applicationDate: d('2026-04-15'),
  productKind: 'FIRST_SET_EQUIPMENT',
  applicant: {
    uscc: BAOTOU,
    registeredAddressDivisionCode: '150203',
    legalForm: 'legal_person_enterprise',
    operatingNormally: true,
    wellManaged: true,
    taxCompliant: true,
    goodCredit: true,
    safetyAccidentDates: [],
    environmentalAccidentDates: [],
  },
  capability: {
    ownRd: true,
    ownManufacturing: true,
    ownIntegration: true,
    technicalTeam: true,
    scaleProduction: true,
  },
  ip: {
    mastersKeyTechnologyAndProcess: true,
    basis: 'owned',
    ownsOwnBrand: true,
    ownsRegisteredTrademark: true,
  },
  product: {
    meetsDefinition: true,
    scope: { catalogue: IM.equipmentFieldsCatalogue, entryCode: 'EF04' },
    fitsIndustrialPolicy: true,
    developedInRegion: true,
    manufacturedInRegion: true,
    soldToOutsideCustomers: true,
  },
  testReport: {
    present: true,
    institutionRecognition: 'provincial_market_regulator',
    complete: true,
    qualificationCertificateAttached: true,
  },
  regulation: { productionLicenceApplies: false, cccApplies: false },
};

type Change = { [K in keyof EligibilityInput]?: Partial<EligibilityInput[K]> };
function withChange(change: Change): EligibilityInput {
  const out: Record<string, unknown> = { ...good };
  for (const [k, v] of Object.entries(change)) {
    const cur = good[k as keyof EligibilityInput];
    out[k] =
      typeof cur === 'object' && cur !== null && typeof v === 'object' && v !== null && !Array.isArray(v)
        ? { ...cur, ...v }
        : v;
  }
  return out as unknown as EligibilityInput;
}
const item = (change: Change, id: string, profile = IM) =>
  checkEligibility(withChange(change), profile).find((i) => i.id === id)!;

describe('eligibility (M5)', () => {
  it('a complete, eligible application meets M5.1–M5.6', () => {
    const items = checkEligibility(good, IM);
    expect(items.map((i) => [i.id, i.result])).toEqual([
      ['M5.1', 'met'],
      ['M5.2', 'met'],
      ['M5.3', 'met'],
      ['M5.4', 'met'],
      ['M5.5', 'met'],
      ['M5.6', 'met'],
    ]);
    expect(overallResult(items)).toBe('met');
    expect(items.every((i) => i.evidence.length > 0 && i.reasons.length === 0)).toBe(true);
  });

  it.each(
    (
      [
        [
          'M5.1',
          'registered outside the region',
          { applicant: { registeredAddressDivisionCode: '110105' } },
          'not_met',
          'M5.1_NOT_REGISTERED_IN_REGION',
        ],
        [
          'M5.1',
          'a malformed code',
          { applicant: { uscc: '91150200MA0N8K2' } },
          'not_met',
          'M5.1_USCC_MALFORMED',
        ],
        [
          'M5.1',
          'a sole trader code',
          { applicant: { uscc: uscc('92', '150200'), legalForm: undefined } },
          'not_met',
          'M5.1_NOT_LEGAL_PERSON_ENTERPRISE',
        ],
        [
          'M5.1',
          'a farmer cooperative',
          { applicant: { legalForm: 'farmer_cooperative' } },
          'not_met',
          'M5.1_NOT_LEGAL_PERSON_ENTERPRISE',
        ],
        [
          'M5.1',
          'a branch (its code is 91 too)',
          { applicant: { legalForm: 'branch' } },
          'not_met',
          'M5.1_NOT_LEGAL_PERSON_ENTERPRISE',
        ],
        [
          'M5.1',
          'a legal form not yet read from the licence',
          { applicant: { legalForm: undefined } },
          'needs_review',
          'M5.1_LEGAL_FORM_UNKNOWN',
        ],
        [
          'M5.1',
          'a failed check character (early pilot code)',
          { applicant: { uscc: BAOTOU.slice(0, 17) + (BAOTOU[17] === '0' ? '1' : '0') } },
          'needs_review',
          'M5.1_USCC_CHECK_CHARACTER',
        ],
        [
          'M5.1',
          'a code issued in Beijing for an enterprise now registered in Baotou',
          { applicant: { uscc: uscc('91', '110105') } },
          'needs_review',
          'M5.1_USCC_DIVISION_MISMATCH',
        ],
        [
          'M5.1',
          'abnormal operation',
          { applicant: { operatingNormally: false } },
          'not_met',
          'M5.1_OPERATING_ABNORMALLY',
        ],
        [
          'M5.1',
          'tax status unknown',
          { applicant: { taxCompliant: undefined } },
          'needs_review',
          'M5.1_TAX_UNKNOWN',
        ],
        ['M5.1', 'bad credit', { applicant: { goodCredit: false } }, 'not_met', 'M5.1_CREDIT'],
        [
          'M5.1',
          'a safety accident exactly three years before (inside the window)',
          { applicant: { safetyAccidentDates: [d('2023-04-15')] } },
          'not_met',
          'M5.1_SAFETY_ACCIDENT',
        ],
        [
          'M5.1',
          'a pollution accident last month',
          { applicant: { environmentalAccidentDates: [d('2026-03-01')] } },
          'not_met',
          'M5.1_ENVIRONMENTAL_ACCIDENT',
        ],
        [
          'M5.1',
          'accidents not declared',
          { applicant: { safetyAccidentDates: undefined } },
          'needs_review',
          'M5.1_SAFETY_ACCIDENT_UNDECLARED',
        ],
        [
          'M5.2',
          'no own integration capability',
          { capability: { ownIntegration: false } },
          'not_met',
          'M5.2_INTEGRATION',
        ],
        [
          'M5.2',
          'team not described',
          { capability: { technicalTeam: undefined } },
          'needs_review',
          'M5.2_TEAM_UNKNOWN',
        ],
        ['M5.3', 'no IP', { ip: { basis: 'none' } }, 'not_met', 'M5.3_NO_IP'],
        ['M5.3', 'IP basis unknown', { ip: { basis: undefined } }, 'needs_review', 'M5.3_IP_UNKNOWN'],
        [
          'M5.3',
          'no registered trademark',
          { ip: { ownsRegisteredTrademark: false } },
          'not_met',
          'M5.3_TRADEMARK',
        ],
        ['M5.4', 'out of scope', { product: { scope: null } }, 'not_met', 'M5.4_OUT_OF_SCOPE'],
        [
          'M5.4',
          'scope matched in another catalogue version',
          {
            product: {
              scope: { catalogue: { id: IM.equipmentFieldsCatalogue.id, version: 'old' }, entryCode: 'EF04' },
            },
          },
          'needs_review',
          'M5.4_CATALOGUE_VERSION',
        ],
        [
          'M5.4',
          'no external sales',
          { product: { soldToOutsideCustomers: false } },
          'not_met',
          'M5.4_NO_EXTERNAL_SALES',
        ],
        [
          'M5.4',
          'made outside the region',
          { product: { manufacturedInRegion: false } },
          'not_met',
          'M5.4_MADE_IN_REGION',
        ],
        ['M5.5', 'no test report', { testReport: { present: false } }, 'not_met', 'M5.5_NO_TEST_REPORT'],
        [
          'M5.5',
          'a prefecture-level testing institution',
          { testReport: { institutionRecognition: 'prefecture_market_regulator' } },
          'not_met',
          'M5.5_INSTITUTION_NOT_RECOGNIZED',
        ],
        [
          'M5.5',
          'institution level unknown',
          { testReport: { institutionRecognition: undefined } },
          'needs_review',
          'M5.5_INSTITUTION_UNKNOWN',
        ],
        [
          'M5.5',
          'no qualification certificate',
          { testReport: { qualificationCertificateAttached: false } },
          'not_met',
          'M5.5_NO_QUALIFICATION_CERTIFICATE',
        ],
        [
          'M5.6',
          'production licence required but missing',
          { regulation: { productionLicenceApplies: true, hasProductionLicence: false } },
          'not_met',
          'M5.6_PRODUCTION_LICENCE',
        ],
        [
          'M5.6',
          'CCC required, certificate not yet shown',
          { regulation: { cccApplies: true } },
          'needs_review',
          'M5.6_CCC_UNKNOWN',
        ],
        [
          'M5.6',
          'whether CCC applies is unknown',
          { regulation: { cccApplies: 'unknown' } },
          'needs_review',
          'M5.6_CCC_APPLICABILITY_UNKNOWN',
        ],
      ] as Array<[string, string, Change, 'not_met' | 'needs_review', string]>
    ).map(([id, label, change, result, code]) => [id, label, result, change, code] as const),
  )('%s %s → %s', (id, _label, result, change, code) => {
    const i = item(change, id);
    expect(i.result).toBe(result);
    expect(i.reasons.map((r) => r.code)).toContain(code);
    for (const r of i.reasons) expect(r.message && r.messageEn).toBeTruthy();
  });

  it.each([
    ['M5.1 an accident three years and a day before is outside the window', IM, '2023-04-14', 'met'],
    ['M5.1 the second profile looks back only two years', ALT, '2024-04-14', 'met'],
    ['M5.1 the second profile: exactly two years before is inside', ALT, '2024-04-15', 'not_met'],
  ] as const)('%s', (_label, profile, accident, result) => {
    const profileCatalogue = { catalogue: profile.equipmentFieldsCatalogue, entryCode: 'EF04' };
    expect(
      item(
        { applicant: { safetyAccidentDates: [d(accident)] }, product: { scope: profileCatalogue } },
        'M5.1',
        profile,
      ).result,
    ).toBe(result);
  });

  it.each([
    [
      'M2.1 M5.4 equipment that does not meet the first-set definition',
      'FIRST_SET_EQUIPMENT',
      '技术装备首台（套）定义',
    ],
    [
      'M2.2 M5.4 a material that does not meet the first-batch definition',
      'FIRST_BATCH_MATERIAL',
      '新材料首批（次）定义',
    ],
  ] as const)('%s is not met', (_label, kind, text) => {
    const input = withChange({
      product: { meetsDefinition: false, scope: { catalogue: scopeCatalogueFor(kind, IM), entryCode: 'x' } },
    });
    const m54 = checkEligibility({ ...input, productKind: kind }, IM).find((i) => i.id === 'M5.4')!;
    expect(m54.result).toBe('not_met');
    expect(m54.reasons[0]).toMatchObject({ code: 'M5.4_DEFINITION' });
    expect(m54.reasons[0].message).toContain(text);
  });

  it('M5.6 holding the licence and CCC where both apply is met', () => {
    expect(
      item(
        {
          regulation: {
            productionLicenceApplies: true,
            hasProductionLicence: true,
            cccApplies: true,
            hasCccCertificate: true,
          },
        },
        'M5.6',
      ).result,
    ).toBe('met');
  });

  it('M4.2 M4.3 materials are judged against the materials catalogue, equipment and components against the fields', () => {
    expect(scopeCatalogueFor('FIRST_BATCH_MATERIAL', IM)).toBe(IM.materialsCatalogue);
    expect(scopeCatalogueFor('FIRST_BATCH_COMPONENT', IM)).toBe(IM.equipmentFieldsCatalogue);
    const material = checkEligibility(withChange({ productKind: 'FIRST_BATCH_MATERIAL' } as Change), IM).find(
      (i) => i.id === 'M5.4',
    )!;
    expect(material.reasons.map((r) => r.code)).toEqual(['M5.4_CATALOGUE_VERSION']);
  });

  it('the overall result is the worst item', () => {
    expect(
      overallResult(checkEligibility(withChange({ capability: { technicalTeam: undefined } }), IM)),
    ).toBe('needs_review');
    expect(overallResult(checkEligibility(withChange({ ip: { basis: 'none' } }), IM))).toBe('not_met');
  });

  it('rejects impossible dates and division codes with typed errors', () => {
    expect(() => checkEligibility({ ...good, applicationDate: '2026-04-31' as LocalDate }, IM)).toThrow(
      InvalidDateError,
    );
    expect(() =>
      checkEligibility(withChange({ applicant: { safetyAccidentDates: ['2025-02-29' as LocalDate] } }), IM),
    ).toThrow(InvalidDateError);
    expect(() =>
      checkEligibility(withChange({ applicant: { registeredAddressDivisionCode: '1502' } }), IM),
    ).toThrow(InvalidDivisionCodeError);
  });
});
