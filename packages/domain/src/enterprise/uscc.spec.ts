import fc from 'fast-check';
import {
  USCC_ALPHABET,
  USCC_WEIGHTS,
  UsccMalformedError,
  assertUscc,
  computeOrganizationCodeCheck,
  computeUsccCheckCharacter,
  normalizeUscc,
  parseUscc,
} from './uscc';

/** Builds a code with a correct organization-code check and check character. */
function makeUscc(prefix2: string, division: string, org8: string): string {
  const first17 = `${prefix2}${division}${org8}${computeOrganizationCodeCheck(org8)}`;
  return first17 + computeUsccCheckCharacter(first17);
}

const BAOTOU_ENTERPRISE = makeUscc('91', '150200', 'MA0N8K2D');
const alphabetChar = fc.constantFrom(...USCC_ALPHABET.split(''));
const first17Arb = fc.array(alphabetChar, { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

describe('USCC (GB 32100-2015)', () => {
  it('uses the 31-character alphabet without I, O, S, V, Z and weights 3^(i-1) mod 31', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(USCC_ALPHABET).not.toMatch(/[IOSVZ]/);
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('M5.1 accepts the example code printed in GB 32100-2015', () => {
    const a = assertUscc('91350100M000100Y43');
    expect(a).toMatchObject({
      valid: true,
      checkCharacterOk: true,
      divisionCode: '350100',
      prefectureDivision: '3501',
      inRegion: false,
    });
    expect(a.issues).toEqual([]);
  });

  it('M5.1 analyses a Baotou enterprise code part by part', () => {
    const a = parseUscc(BAOTOU_ENTERPRISE);
    expect(a).toMatchObject({
      valid: true,
      checkCharacterOk: true,
      divisionCode: '150200',
      prefectureDivision: '1502',
      inRegion: true,
      independentLegalPerson: 'unknown',
      entityCategory: 'enterprise',
      registrationAuthority: { code: '9' },
      entityType: { code: '1', nameZh: '企业' },
    });
  });

  it('normalizes spaces, lower case and full-width characters typed with a Chinese IME', () => {
    const fullWidth = BAOTOU_ENTERPRISE.replace(/[0-9A-Z]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    expect(normalizeUscc(`  ${fullWidth} `)).toBe(BAOTOU_ENTERPRISE);
    expect(parseUscc(` ${BAOTOU_ENTERPRISE.toLowerCase()} `).code).toBe(BAOTOU_ENTERPRISE);
  });

  it.each([
    ['92', false, 'sole_trader'],
    ['93', false, 'farmer_cooperative'],
    ['91', 'unknown', 'enterprise'],
    ['12', 'unknown', 'public_institution'],
    ['51', 'unknown', 'social_organization'],
  ])('M5.1 entity type %s gives independentLegalPerson=%p (%s)', (prefix, expected, category) => {
    const a = parseUscc(makeUscc(prefix, '150100', '12345678'));
    expect(a.valid).toBe(true);
    expect(a.independentLegalPerson).toBe(expected);
    expect(a.entityCategory).toBe(category);
  });

  it('M5.1 keeps a development-zone division code no official list holds and routes by its first four digits', () => {
    const a = parseUscc(makeUscc('91', '150291', 'MA13XY7Q'));
    expect(a).toMatchObject({
      valid: true,
      divisionCode: '150291',
      prefectureDivision: '1502',
      inRegion: true,
    });
  });

  it('M5.1 a failed check character is a warning for the prefecture, not a refusal', () => {
    const good = BAOTOU_ENTERPRISE;
    const wrong = USCC_ALPHABET[(USCC_ALPHABET.indexOf(good[17]) + 1) % 31];
    const a = parseUscc(good.slice(0, 17) + wrong);
    expect(a.valid).toBe(true);
    expect(a.checkCharacterOk).toBe(false);
    expect(a.issues).toEqual([
      expect.objectContaining({ severity: 'warning', part: 'checkCharacter', code: 'USCC_CHECK_CHARACTER' }),
    ]);
    expect(a.issues[0].message).toContain(good[17]);
    expect(() => assertUscc(a.code)).not.toThrow();
  });

  it('M5.1 a failed organization-code check is a warning', () => {
    const org9 = 'MA0N8K2D' + (computeOrganizationCodeCheck('MA0N8K2D') === '0' ? '1' : '0');
    const first17 = `91150200${org9}`;
    const a = parseUscc(first17 + computeUsccCheckCharacter(first17));
    expect(a.valid).toBe(true);
    expect(a.checkCharacterOk).toBe(true);
    expect(a.issues.map((i) => [i.severity, i.part])).toEqual([['warning', 'organizationCode']]);
  });

  it.each([
    ['too short', '91150200MA0N8K2D', 'length', 'USCC_LENGTH'],
    ['too long', `${BAOTOU_ENTERPRISE}0`, 'length', 'USCC_LENGTH'],
    ['letter O instead of zero', BAOTOU_ENTERPRISE.replace('MA0', 'MAO'), 'alphabet', 'USCC_ALPHABET'],
    [
      'letter I',
      BAOTOU_ENTERPRISE.slice(0, 10) + 'I' + BAOTOU_ENTERPRISE.slice(11),
      'alphabet',
      'USCC_ALPHABET',
    ],
    ['letters in the division code', '91AB0200MA0N8K2D0X', 'divisionCode', 'USCC_DIVISION_CODE'],
    ['empty', '', 'length', 'USCC_LENGTH'],
  ])('M5.1 rejects a code that is %s and names the part', (_label, code, part, issueCode) => {
    const a = parseUscc(code);
    expect(a.valid).toBe(false);
    expect(a.checkCharacterOk).toBe(false);
    expect(a.issues).toContainEqual(expect.objectContaining({ severity: 'error', part, code: issueCode }));
    expect(() => assertUscc(code)).toThrow(UsccMalformedError);
    try {
      assertUscc(code);
    } catch (e) {
      expect((e as UsccMalformedError).code).toBe('USCC_MALFORMED');
      expect((e as UsccMalformedError).details.parts).toContain(part);
      expect((e as UsccMalformedError).issues.length).toBeGreaterThan(0);
    }
  });

  it.each([
    [
      'unknown registration authority',
      'X1150200MA0N8K2D',
      'registrationAuthority',
      'USCC_REGISTRATION_AUTHORITY_UNKNOWN',
    ],
    ['unknown entity type', '97150200MA0N8K2D', 'entityType', 'USCC_ENTITY_TYPE_UNKNOWN'],
  ])('warns (without refusing) about an %s', (_label, prefix16, part, issueCode) => {
    const first17 = prefix16 + computeOrganizationCodeCheck(prefix16.slice(8, 16));
    const a = parseUscc(first17 + computeUsccCheckCharacter(first17));
    expect(a.valid).toBe(true);
    expect(a.issues).toContainEqual(expect.objectContaining({ severity: 'warning', part, code: issueCode }));
  });

  it('treats a non-string input as an empty, malformed code', () => {
    expect(parseUscc(undefined as unknown as string).valid).toBe(false);
  });

  it('rejects a malformed first-17 with USCC_MALFORMED', () => {
    expect(() => computeUsccCheckCharacter('91150200')).toThrow(UsccMalformedError);
    expect(() => computeUsccCheckCharacter('9115020OMA0N8K2D0')).toThrow(UsccMalformedError);
    expect(computeOrganizationCodeCheck('ma0n8k2d')).toBeNull();
  });

  describe('check character properties (fast-check)', () => {
    it('M5.1 the computed check character is always in the alphabet and makes the code check out', () => {
      fc.assert(
        fc.property(first17Arb, (first17) => {
          const c = computeUsccCheckCharacter(first17);
          expect(USCC_ALPHABET).toContain(c);
          expect(parseUscc(first17 + c).checkCharacterOk).toBe(true);
        }),
      );
    });

    it('M5.1 the weighted sum including the check character is 0 mod 31', () => {
      fc.assert(
        fc.property(first17Arb, (first17) => {
          const full = first17 + computeUsccCheckCharacter(first17);
          let sum = 0;
          for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(full[i]) * USCC_WEIGHTS[i];
          expect((sum + USCC_ALPHABET.indexOf(full[17])) % 31).toBe(0);
        }),
      );
    });

    it('M5.1 any single-character substitution is detected', () => {
      fc.assert(
        fc.property(
          first17Arb,
          fc.integer({ min: 0, max: 17 }),
          fc.integer({ min: 1, max: 30 }),
          (first17, pos, shift) => {
            const full = first17 + computeUsccCheckCharacter(first17);
            const changed = USCC_ALPHABET[(USCC_ALPHABET.indexOf(full[pos]) + shift) % 31];
            const mutated = full.slice(0, pos) + changed + full.slice(pos + 1);
            expect(parseUscc(mutated).checkCharacterOk).toBe(false);
          },
        ),
      );
    });

    it('M5.1 a transposition of two different adjacent characters is detected', () => {
      fc.assert(
        fc.property(first17Arb, fc.integer({ min: 0, max: 15 }), (first17, pos) => {
          fc.pre(first17[pos] !== first17[pos + 1]);
          const full = first17 + computeUsccCheckCharacter(first17);
          const swapped = full.slice(0, pos) + full[pos + 1] + full[pos] + full.slice(pos + 2);
          expect(parseUscc(swapped).checkCharacterOk).toBe(false);
        }),
      );
    });

    it('M5.1 parse never throws, and valid is exactly "no error issue" (any string)', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 24 }), (s) => {
          const a = parseUscc(s);
          expect(a.valid).toBe(!a.issues.some((i) => i.severity === 'error'));
        }),
      );
    });
  });
});
