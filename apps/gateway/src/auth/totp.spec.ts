import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totp, totpStep } from './totp';

// RFC 6238 Appendix B: the seeds are the ASCII strings below (20, 32 and 64 bytes), 8 digits.
const SEEDS = {
  sha1: Buffer.from('12345678901234567890', 'ascii'),
  sha256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
};
const VECTORS: Array<[number, string, keyof typeof SEEDS]> = [
  [59, '94287082', 'sha1'],
  [59, '46119246', 'sha256'],
  [59, '90693936', 'sha512'],
  [1111111109, '07081804', 'sha1'],
  [1111111109, '68084774', 'sha256'],
  [1111111109, '25091201', 'sha512'],
  [1111111111, '14050471', 'sha1'],
  [1111111111, '67062674', 'sha256'],
  [1111111111, '99943326', 'sha512'],
  [1234567890, '89005924', 'sha1'],
  [1234567890, '91819424', 'sha256'],
  [1234567890, '93441116', 'sha512'],
  [2000000000, '69279037', 'sha1'],
  [2000000000, '90698825', 'sha256'],
  [2000000000, '38618901', 'sha512'],
  [20000000000, '65353130', 'sha1'],
  [20000000000, '77737706', 'sha256'],
  [20000000000, '47863826', 'sha512'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at %i s gives %s with %s (Appendix B)', (seconds, code, alg) => {
    expect(totp(SEEDS[alg], seconds * 1000, 8, alg)).toBe(code);
  });

  it('HOTP matches RFC 4226 Appendix D for the first counters', () => {
    expect([0, 1, 2, 9].map((c) => hotp(SEEDS.sha1, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('base32 round-trips and matches RFC 4648 §10', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb-oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZ1')).toThrow();
  });

  it('accepts a code from the step before or after now, refuses one further away, a used step and junk', () => {
    const secret = base32Encode(SEEDS.sha1);
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    const at = (s: number) => hotp(SEEDS.sha1, s);
    expect(matchTotp(secret, at(step), now, null)).toBe(step);
    expect(matchTotp(secret, at(step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(secret, at(step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(secret, at(step - 2), now, null)).toBeNull();
    // Replay: the step was used already (or a later one was).
    expect(matchTotp(secret, at(step), now, step)).toBeNull();
    expect(matchTotp(secret, at(step - 1), now, step)).toBeNull();
    expect(matchTotp(secret, at(step + 1), now, step)).toBe(step + 1);
    for (const junk of ['', '12345', '1234567', 'abcdef', '12 345']) expect(matchTotp(secret, junk, now, null)).toBeNull();
  });

  it('builds an otpauth URI that names issuer and account', () => {
    const uri = otpauthUri('首台套认定平台', 'dept.admin', 'JBSWY3DPEHPK3PXP');
    expect(uri).toMatch(/^otpauth:\/\/totp\/%E9%A6%96.*:dept.admin\?secret=JBSWY3DPEHPK3PXP&issuer=/);
    expect(uri).toContain('period=30');
  });
});
