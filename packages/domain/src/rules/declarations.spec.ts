import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { ProductKind } from '../model/product';
import { blankDeclarations, DECLARATION_QUESTIONS, definitionFindings, DefinitionFacts } from './declarations';
import { checkEligibility, EligibilityInput } from './eligibility';

/** Every question answered, for an equipment product with no licence, CCC or shared IP. */
export const COMPLETE_DECLARATIONS = {
  legalForm: 'legal_person_enterprise',
  operatingNormally: true,
  wellManaged: true,
  taxCompliant: true,
  goodCredit: true,
  safetyAccidentDates: [],
  environmentalAccidentDates: [],
  ownRd: true,
  ownManufacturing: true,
  ownIntegration: true,
  technicalTeam: true,
  scaleProduction: true,
  mastersKeyTechnologyAndProcess: true,
  ownsOwnBrand: true,
  ownsRegisteredTrademark: true,
  ipSharedBySeveralParties: false,
  firstDevelopedInRegion: true,
  trialUseMetDesignRequirements: true,
  noMarketRecordYet: true,
  breakthroughs: [{ kind: 'technical_route', description: '电驱动替代机械传动' }],
  equipmentForm: 'complete_set',
  fitsIndustrialPolicy: true,
  developedInRegion: true,
  manufacturedInRegion: true,
  productionLicenceApplies: false,
  cccApplies: false,
  developedOnlyForOwnUse: false,
  customOrderedFromOutside: false,
  madeWithIntroducedTechnology: false,
};

const without = (key: string, d: Record<string, unknown> = COMPLETE_DECLARATIONS) =>
  Object.fromEntries(Object.entries(d).filter(([k]) => k !== key));

describe('declarations (M2, M5, M6): a blank answer blocks', () => {
  it('M5 M6 a complete set of answers leaves nothing blank, for every kind', () => {
    expect(blankDeclarations('FIRST_SET_EQUIPMENT', COMPLETE_DECLARATIONS)).toEqual([]);
    expect(blankDeclarations('FIRST_BATCH_COMPONENT', COMPLETE_DECLARATIONS)).toEqual([]);
    const material = without('equipmentForm', without('trialUseMetDesignRequirements'));
    expect(blankDeclarations('FIRST_BATCH_MATERIAL', material)).toEqual([]);
  });

  // One row per question: removing its answer must name exactly that field, with its article.
  it.each(DECLARATION_QUESTIONS.filter((q) => !q.asked).map((q) => [q.measuresId, q.key] as const))(
    '%s a blank %s is named at its field',
    (measuresId, key) => {
      const blank = blankDeclarations('FIRST_SET_EQUIPMENT', without(key));
      expect(blank).toEqual([expect.objectContaining({ field: `declarations.${key}`, measuresId })]);
      expect(blank[0].message).toMatch(/^必须作答：/);
    },
  );

  it.each([
    ['M5.1 an empty string legal form', { legalForm: '  ' }, 'declarations.legalForm'],
    ['M5.4 no breakthrough', { breakthroughs: [] }, 'declarations.breakthroughs'],
    ['M5.4 a breakthrough without its description', { breakthroughs: [{ kind: 'principle', description: ' ' }] }, 'declarations.breakthroughs'],
    ['M5.6 the production licence left blank where the licence applies', { productionLicenceApplies: true }, 'declarations.hasProductionLicence'],
    ['M5.6 the CCC certificate left blank where CCC applies', { cccApplies: true }, 'declarations.hasCccCertificate'],
    ['M6.1 null for own use', { developedOnlyForOwnUse: null }, 'declarations.developedOnlyForOwnUse'],
  ])('%s blocks', (_label, change, field) => {
    expect(blankDeclarations('FIRST_SET_EQUIPMENT', { ...COMPLETE_DECLARATIONS, ...change }).map((b) => b.field)).toEqual([field]);
  });

  it('M5.1 an empty accident list answers “none”', () => {
    expect(blankDeclarations('FIRST_SET_EQUIPMENT', { ...COMPLETE_DECLARATIONS, safetyAccidentDates: [] })).toEqual([]);
  });

  it.each([
    ['FIRST_SET_EQUIPMENT', true],
    ['FIRST_BATCH_COMPONENT', true],
    ['FIRST_BATCH_MATERIAL', false],
  ] as const)('M2.1 M2.2 trial use and equipment form are asked of a %s: %p', (kind, asked) => {
    const fields = blankDeclarations(kind as ProductKind, {}).map((b) => b.field);
    expect(fields.includes('declarations.trialUseMetDesignRequirements')).toBe(asked);
    expect(fields.includes('declarations.equipmentForm')).toBe(asked);
  });

  it('M5 M6 no declarations at all names every question asked', () => {
    const asked = DECLARATION_QUESTIONS.filter((q) => !q.asked || q.asked('FIRST_SET_EQUIPMENT', {}));
    expect(blankDeclarations('FIRST_SET_EQUIPMENT', undefined)).toHaveLength(asked.length);
  });
});

const facts: DefinitionFacts = {
  firstDevelopedInRegion: true,
  trialUseMetDesignRequirements: true,
  noMarketRecordYet: true,
  breakthroughs: [{ kind: 'structure', description: '整体式车架' }],
  equipmentForm: 'single_machine',
};

describe('the definition of Article 2, fact by fact (M2.1, M2.2)', () => {
  it.each([
    ['M2.1 not first developed in the region', 'FIRST_SET_EQUIPMENT', { firstDevelopedInRegion: false }, 'M2.1_FIRST_IN_REGION'],
    ['M2.1 a trial use that did not meet the design requirements', 'FIRST_SET_EQUIPMENT', { trialUseMetDesignRequirements: false }, 'M2.1_TRIAL_USE'],
    ['M2.1 a product with a market record', 'FIRST_SET_EQUIPMENT', { noMarketRecordYet: false }, 'M2.1_NO_MARKET_RECORD'],
    ['M2.1 a key component declared as a complete set', 'FIRST_BATCH_COMPONENT', { equipmentForm: 'complete_set' }, 'M2.1_EQUIPMENT_FORM'],
    ['M2.2 a material without an innovation in the region', 'FIRST_BATCH_MATERIAL', { firstDevelopedInRegion: false }, 'M2.2_FIRST_IN_REGION'],
    ['M2.2 a material past the early market stage', 'FIRST_BATCH_MATERIAL', { noMarketRecordYet: false }, 'M2.2_NO_MARKET_RECORD'],
  ] as const)('%s fails M5.4', (_label, kind, change, code) => {
    expect(definitionFindings(kind, { ...facts, ...change }).notMet.map((f) => f.code)).toEqual([code]);
  });

  it('M2.1 the three forms of equipment are each accepted for first-set equipment', () => {
    for (const equipmentForm of ['complete_set', 'single_machine', 'key_component'] as const)
      expect(definitionFindings('FIRST_SET_EQUIPMENT', { ...facts, equipmentForm }).notMet).toEqual([]);
  });

  it('M2.1 M4.1 M5.4 a product that fails the definition is outside the scope: the eligibility checklist judges the declared facts, not a bare yes/no', () => {
    const input: EligibilityInput = {
      applicationDate: '2026-06-01' as never,
      productKind: 'FIRST_SET_EQUIPMENT',
      applicant: { uscc: '91150200MA0N4KXX4C', registeredAddressDivisionCode: '150204' },
      capability: {},
      ip: {},
      product: { meetsDefinition: true, definition: { ...facts, noMarketRecordYet: false }, scope: null },
      testReport: { present: false },
      regulation: { productionLicenceApplies: false, cccApplies: false },
    };
    const m54 = checkEligibility(input, IM).find((i) => i.id === 'M5.4')!;
    expect(m54.result).toBe('not_met');
    expect(m54.reasons.map((r) => r.code)).toContain('M2.1_NO_MARKET_RECORD');
    expect(m54.reasons.map((r) => r.code)).not.toContain('M5.4_DEFINITION');
  });
});
