import {
  DEFAULT_RECOMMENDING_BODIES,
  ERENHOT,
  InvalidDivisionCodeError,
  MANZHOULI,
  NoRecommendingBodyError,
  RecommendingBody,
  RecommendingBodyConfigError,
  routeToRecommendingBody,
  validateRecommendingBodies,
} from './recommending-bodies';

const WITH_COUNTY_CITIES = [...DEFAULT_RECOMMENDING_BODIES, MANZHOULI, ERENHOT];

describe('recommending bodies (M3.2, M7.2)', () => {
  it('M3.2 the default list is the 12 leagues and cities of Inner Mongolia', () => {
    expect(DEFAULT_RECOMMENDING_BODIES.map((b) => b.id)).toEqual([
      '150100',
      '150200',
      '150300',
      '150400',
      '150500',
      '150600',
      '150700',
      '150800',
      '150900',
      '152200',
      '152500',
      '152900',
    ]);
    expect(DEFAULT_RECOMMENDING_BODIES.filter((b) => b.kind === 'league').map((b) => b.nameEn)).toEqual([
      'Hinggan League',
      'Xilingol League',
      'Alxa League',
    ]);
    expect(() => validateRecommendingBodies(DEFAULT_RECOMMENDING_BODIES)).not.toThrow();
  });

  it.each([
    ['150102', '150100', '呼和浩特市'],
    ['150291', '150200', '包头市'],
    ['150602', '150600', '鄂尔多斯市'],
    ['150781', '150700', '呼伦贝尔市'],
    ['152501', '152500', '锡林郭勒盟'],
    ['152921', '152900', '阿拉善盟'],
  ])('M7.2 with the default list, division %s routes to %s %s', (division, id, nameZh) => {
    expect(routeToRecommendingBody(division)).toMatchObject({ id, nameZh });
  });

  it.each([
    ['150781', '150781', 'Manzhouli'],
    ['152501', '152501', 'Erenhot'],
    ['150782', '150700', 'Hulunbuir'],
    ['152502', '152500', 'Xilingol League'],
  ])(
    'M7.2 a configured county-level city wins over its league or city: %s → %s (%s)',
    (division, id, nameEn) => {
      expect(routeToRecommendingBody(division, WITH_COUNTY_CITIES)).toMatchObject({ id, nameEn });
    },
  );

  it('M7.2 routes a new area configured by prefix', () => {
    const newArea: RecommendingBody = {
      id: '150172',
      nameZh: '和林格尔新区',
      nameEn: 'Horinger New Area',
      kind: 'new-area',
      divisionPrefixes: ['150172'],
    };
    expect(routeToRecommendingBody(' 150172 ', [...DEFAULT_RECOMMENDING_BODIES, newArea]).id).toBe('150172');
  });

  it.each(['110105', '150000'])(
    'M7.2 a division %s outside every configured body is RECOMMENDING_BODY_NOT_FOUND',
    (division) => {
      expect(() => routeToRecommendingBody(division)).toThrow(NoRecommendingBodyError);
    },
  );

  it.each(['1502', '15020a', '', 150200 as unknown as string])(
    'rejects the division code %p with DIVISION_CODE_INVALID',
    (division) => {
      expect(() => routeToRecommendingBody(division)).toThrow(InvalidDivisionCodeError);
    },
  );

  it.each<[string, RecommendingBody[]]>([
    [
      'a prefix claimed twice',
      [...DEFAULT_RECOMMENDING_BODIES, { ...MANZHOULI, id: '150799', divisionPrefixes: ['1507'] }],
    ],
    ['a duplicate id', [...DEFAULT_RECOMMENDING_BODIES, { ...MANZHOULI, id: '150100' }]],
    ['a malformed id', [{ ...MANZHOULI, id: '1507' }]],
    ['no prefixes', [{ ...MANZHOULI, divisionPrefixes: [] }]],
    ['a malformed prefix', [{ ...MANZHOULI, divisionPrefixes: ['1'] }]],
  ])(
    'M7.2 refuses a configuration with %s, so every enterprise routes to exactly one body',
    (_label, bodies) => {
      expect(() => routeToRecommendingBody('150781', bodies)).toThrow(RecommendingBodyConfigError);
    },
  );
});
