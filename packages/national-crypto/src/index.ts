import { createCipheriv, createDecipheriv, createHash, getCiphers, getHashes } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/**
 * China's commercial cryptography for the platform (密评): SM3 (GB/T 32905), SM4 (GB/T 32907)
 * and SM2 signatures (GB/T 32918). SM3 and SM4 come from node:crypto (OpenSSL 3); SM2 signing
 * with the standard user id comes from sm-crypto-v2, because node:crypto cannot set the SM2
 * distinguishing id. Nothing here is a hand-written primitive.
 */

/** The user id GB/T 35276 prescribes when none is agreed (ZA is computed over it). */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

if (!getHashes().includes('sm3') || !getCiphers().includes('sm4-cbc')) {
  throw new Error(
    'national-crypto: this Node.js build lacks SM3/SM4 (OpenSSL 3 with SM algorithms is required)',
  );
}

type Bytes = string | Uint8Array;

/** SM3 digest; strings are hashed as UTF-8. */
export function sm3(data: Bytes): Buffer {
  return createHash('sm3').update(data).digest();
}

/** SM3 digest as 64 lower-case hex digits. */
export function sm3Hex(data: Bytes): string {
  return createHash('sm3').update(data).digest('hex');
}

export interface Sm2KeyPair {
  /** 64 hex digits. */
  privateKey: string;
  /** Uncompressed point, `04` + x + y, 130 hex digits. */
  publicKey: string;
}

const HEX = /^[0-9a-f]+$/;
const hexKey = (key: string, length: number, what: string) => {
  const k = key.trim().toLowerCase();
  if (k.length !== length || !HEX.test(k))
    throw new Error(`national-crypto: ${what} must be ${length} hex digits`);
  return k;
};

export function sm2GenerateKeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKey, publicKey };
}

/** The public key of a private key (to check a configured pair belongs together). */
export function sm2PublicKeyOf(privateKey: string): string {
  return sm2.getPublicKeyFromPrivateKey(hexKey(privateKey, 64, 'SM2 private key'));
}

export interface Sm2Options {
  /** Signer's distinguishing id; defaults to 1234567812345678. */
  userId?: string;
}

/**
 * SM2 signature of `message` (UTF-8 when a string) with SM3 over ZA ‖ M, as GB/T 32918.2
 * prescribes; returns r ‖ s as 128 hex digits.
 */
export function sm2Sign(message: Bytes, privateKey: string, options: Sm2Options = {}): string {
  const d = hexKey(privateKey, 64, 'SM2 private key');
  return sm2.doSignature(message, d, {
    hash: true,
    publicKey: sm2.getPublicKeyFromPrivateKey(d),
    userId: options.userId ?? SM2_DEFAULT_USER_ID,
  });
}

/** True when `signature` (r ‖ s hex) is `publicKey`'s SM2 signature of `message`; false on any malformed input. */
export function sm2Verify(
  message: Bytes,
  signature: string,
  publicKey: string,
  options: Sm2Options = {},
): boolean {
  try {
    const sig = hexKey(signature, 128, 'SM2 signature');
    const pub = hexKey(publicKey, 130, 'SM2 public key');
    return sm2.doVerifySignature(message, sig, pub, {
      hash: true,
      userId: options.userId ?? SM2_DEFAULT_USER_ID,
    });
  } catch {
    return false;
  }
}

export type Sm4Mode = 'ecb' | 'cbc';

const sm4Key = (key: Uint8Array) => {
  if (key.length !== 16) throw new Error('national-crypto: an SM4 key is 16 bytes');
  return key;
};
const sm4Iv = (mode: Sm4Mode, iv?: Uint8Array) => {
  if (mode === 'ecb') return null;
  if (!iv || iv.length !== 16) throw new Error('national-crypto: SM4-CBC needs a 16-byte IV');
  return iv;
};

export interface Sm4Options {
  mode: Sm4Mode;
  iv?: Uint8Array;
  /** PKCS#7 padding (default true); false for whole blocks only, as in the standard's vectors. */
  padding?: boolean;
}

export function sm4Encrypt(plaintext: Uint8Array, key: Uint8Array, options: Sm4Options): Buffer {
  const cipher = createCipheriv(`sm4-${options.mode}`, sm4Key(key), sm4Iv(options.mode, options.iv));
  cipher.setAutoPadding(options.padding ?? true);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

export function sm4Decrypt(ciphertext: Uint8Array, key: Uint8Array, options: Sm4Options): Buffer {
  const decipher = createDecipheriv(`sm4-${options.mode}`, sm4Key(key), sm4Iv(options.mode, options.iv));
  decipher.setAutoPadding(options.padding ?? true);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
