import { createCipheriv } from 'node:crypto';
import {
  SM2_DEFAULT_USER_ID,
  sm2GenerateKeyPair,
  sm2PublicKeyOf,
  sm2Sign,
  sm2Verify,
  sm3Hex,
  sm4Decrypt,
  sm4Encrypt,
} from './index';

const hex = (h: string) => Buffer.from(h, 'hex');

describe('SM3 (GB/T 32905-2016 appendix A)', () => {
  it('issue 20.1 hashes "abc" to the standard digest', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('issue 20.1 hashes the 64-byte "abcd"×16 message to the standard digest', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('issue 20.1 hashes strings as UTF-8, the same as their bytes', () => {
    expect(sm3Hex('首台套')).toBe(sm3Hex(Buffer.from('首台套', 'utf8')));
  });
});

describe('SM4 (GB/T 32907-2016 appendix A)', () => {
  const key = hex('0123456789abcdeffedcba9876543210');

  it('issue 20.1 encrypts the standard block to 681edf34…4246 and back (ECB, one block)', () => {
    const c = sm4Encrypt(key, key, { mode: 'ecb', padding: false });
    expect(c.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    expect(sm4Decrypt(c, key, { mode: 'ecb', padding: false }).toString('hex')).toBe(key.toString('hex'));
  });

  it('issue 20.1 encrypts 1,000,000 times to 595298c7…3f66 (the standard second example)', () => {
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    let block: Buffer = key;
    for (let i = 0; i < 1_000_000; i++) block = cipher.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });

  it('issue 20.1 CBC with padding round-trips any length; the first block equals ECB of P xor IV', () => {
    const iv = hex('000102030405060708090a0b0c0d0e0f');
    const text = Buffer.from('内蒙古首台（套）重大技术装备 — 37 bytes?');
    const c = sm4Encrypt(text, key, { mode: 'cbc', iv });
    expect(c.length % 16).toBe(0);
    expect(sm4Decrypt(c, key, { mode: 'cbc', iv }).equals(text)).toBe(true);
    const xored = Buffer.from(text.subarray(0, 16).map((b, i) => b ^ iv[i]));
    expect(c.subarray(0, 16).equals(sm4Encrypt(xored, key, { mode: 'ecb', padding: false }))).toBe(true);
  });

  it('issue 20.1 refuses a wrong key or IV length, and a tampered ciphertext does not decrypt to the text', () => {
    expect(() => sm4Encrypt(key, key.subarray(0, 15), { mode: 'ecb' })).toThrow(/16 bytes/);
    expect(() => sm4Encrypt(key, key, { mode: 'cbc' })).toThrow(/IV/);
    const iv = hex('000102030405060708090a0b0c0d0e0f');
    const c = sm4Encrypt(Buffer.from('hello'), key, { mode: 'cbc', iv });
    c[c.length - 1] ^= 1;
    let plain: Buffer | undefined;
    try {
      plain = sm4Decrypt(c, key, { mode: 'cbc', iv });
    } catch {
      plain = undefined;
    }
    expect(plain?.toString()).not.toBe('hello');
  });
});

describe('SM2 signatures (GB/T 32918, recommended curve, SM3 over ZA)', () => {
  // GM/T 0003.5-2012 / GB/T 32918.5 example on the recommended curve, user id 1234567812345678.
  const vector = {
    privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
    publicKey:
      '04' +
      '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
      'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
    message: 'message digest',
    signature:
      'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' +
      'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
  };

  it('issue 20.1 verifies the standard signature and derives the standard public key', () => {
    expect(sm2PublicKeyOf(vector.privateKey)).toBe(vector.publicKey);
    expect(sm2Verify(vector.message, vector.signature, vector.publicKey)).toBe(true);
    expect(
      sm2Verify(vector.message, vector.signature.toUpperCase(), vector.publicKey, {
        userId: SM2_DEFAULT_USER_ID,
      }),
    ).toBe(true);
  });

  it('issue 20.1 refuses the standard signature over another message, user id or key, or when altered', () => {
    expect(sm2Verify('message digesT', vector.signature, vector.publicKey)).toBe(false);
    expect(
      sm2Verify(vector.message, vector.signature, vector.publicKey, { userId: 'ALICE123@YAHOO.COM' }),
    ).toBe(false);
    expect(sm2Verify(vector.message, vector.signature, sm2GenerateKeyPair().publicKey)).toBe(false);
    const flipped = vector.signature.slice(0, 127) + (vector.signature.endsWith('a') ? 'b' : 'a');
    expect(sm2Verify(vector.message, flipped, vector.publicKey)).toBe(false);
  });

  it('issue 20.1 signs and verifies a round trip with a fresh key pair; tampering fails', () => {
    const { privateKey, publicKey } = sm2GenerateKeyPair();
    expect(privateKey).toMatch(/^[0-9a-f]{64}$/);
    expect(publicKey).toMatch(/^04[0-9a-f]{128}$/);
    const message = JSON.stringify({ schema: 'intake', seq: 42, hash: sm3Hex('x') });
    const sig = sm2Sign(message, privateKey);
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(sm2Verify(message, sig, publicKey)).toBe(true);
    expect(sm2Verify(message.replace('42', '43'), sig, publicKey)).toBe(false);
    expect(
      sm2Verify(
        message,
        sig.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        publicKey,
      ),
    ).toBe(false);
  });

  it('issue 20.1 answers false, not an exception, to malformed signatures and keys; refuses a malformed private key', () => {
    expect(sm2Verify('m', 'zz', vector.publicKey)).toBe(false);
    expect(sm2Verify('m', vector.signature, '04abc')).toBe(false);
    expect(sm2Verify('m', '0'.repeat(128), vector.publicKey)).toBe(false);
    expect(() => sm2Sign('m', 'not-a-key')).toThrow(/private key/);
  });
});
