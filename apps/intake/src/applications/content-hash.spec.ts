import { canonicalJson, contentSha256 } from './content-hash';

describe('the receipt content hash', () => {
  it('does not depend on the order of keys (as jsonb returns them), at any depth', () => {
    const a = { productName: '矿用自卸车', draft: { sales: [{ year: 2025, revenue: 1 }], declarations: { ownRd: true, legalForm: 'x' } } };
    const b = { draft: { declarations: { legalForm: 'x', ownRd: true }, sales: [{ revenue: 1, year: 2025 }] }, productName: '矿用自卸车' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(contentSha256(a)).toBe(contentSha256(b));
    expect(contentSha256(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any content: a value, the order of a list, a file hash', () => {
    const base = { materials: [{ slotId: 'testReport', sha256: 'a'.repeat(64) }, { slotId: 'applicationForm', sha256: 'b'.repeat(64) }] };
    const reordered = { materials: [...base.materials].reverse() };
    const otherFile = { materials: [{ ...base.materials[0], sha256: 'c'.repeat(64) }, base.materials[1]] };
    expect(new Set([contentSha256(base), contentSha256(reordered), contentSha256(otherFile)]).size).toBe(3);
    expect(canonicalJson({ a: undefined, b: null, c: [1, 'x'] })).toBe('{"b":null,"c":[1,"x"]}');
  });
});
