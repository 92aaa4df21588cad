import { commissionFor, inScope, normalizeScope, scopesOverlap } from './scope';

const EQ = 'FIRST_SET_EQUIPMENT';
const MAT = 'FIRST_BATCH_MATERIAL';

describe('commission scopes (M8.1)', () => {
  it('M8.1 an empty scope holds every case of the batch', () => {
    expect(inScope({ productKinds: [], fieldCodes: [] }, { productKind: MAT, fieldCode: null })).toBe(true);
  });

  it('M8.1 a case without a field code falls only in scopes naming no field', () => {
    expect(inScope({ productKinds: [EQ], fieldCodes: [] }, { productKind: EQ, fieldCode: null })).toBe(true);
    expect(inScope({ productKinds: [], fieldCodes: ['EF03'] }, { productKind: EQ, fieldCode: null })).toBe(false);
    expect(inScope({ productKinds: [EQ], fieldCodes: ['EF03'] }, { productKind: EQ, fieldCode: 'EF03' })).toBe(true);
    expect(inScope({ productKinds: [MAT], fieldCodes: ['EF03'] }, { productKind: EQ, fieldCode: 'EF03' })).toBe(false);
  });

  it('M8.1 scopes overlap when a case could fall in both', () => {
    expect(scopesOverlap({ productKinds: [], fieldCodes: [] }, { productKinds: [MAT], fieldCodes: [] })).toBe(true);
    expect(scopesOverlap({ productKinds: [EQ], fieldCodes: [] }, { productKinds: [MAT], fieldCodes: [] })).toBe(false);
    expect(scopesOverlap({ productKinds: [EQ], fieldCodes: ['EF01'] }, { productKinds: [EQ], fieldCodes: ['EF02'] })).toBe(false);
    expect(scopesOverlap({ productKinds: [], fieldCodes: ['EF01', 'EF02'] }, { productKinds: [EQ], fieldCodes: ['EF02'] })).toBe(true);
    expect(scopesOverlap({ productKinds: [EQ], fieldCodes: [] }, { productKinds: [], fieldCodes: ['EF05'] })).toBe(true);
  });

  it('M8.1 the matching commission is the one whose scope holds the case', () => {
    const open = [
      { id: 'a', productKinds: [MAT], fieldCodes: [] },
      { id: 'b', productKinds: [EQ], fieldCodes: ['EF03'] },
    ];
    expect(commissionFor(open, { productKind: EQ, fieldCode: 'EF03' })?.id).toBe('b');
    expect(commissionFor(open, { productKind: EQ, fieldCode: 'EF04' })).toBeUndefined();
    expect(normalizeScope({ productKinds: [MAT, EQ, MAT] })).toEqual({ productKinds: [MAT, EQ], fieldCodes: [] }); // sorted
  });
});
