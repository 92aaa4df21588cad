import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { ActorContext } from '../headers';

/**
 * Signed actors (ADR 0015). The gateway authenticates a person and signs, per request, who acts and
 * what exactly is asked: the target service (audience), the wire subject, the request id, the
 * Idempotency-Key and a SHA-256 of the request bytes. Services hold only the public key, so a
 * service can verify but never forge, and anything else on the bus can do neither. Ed25519 from
 * node:crypto; the token is `base64url(claims) "." base64url(signature)`.
 */
export const ACTOR_TOKEN_HEADER = 'x-actor-token';

/** A token lives long enough for the longest RPC timeout and some clock skew, no longer. */
export const ACTOR_TOKEN_TTL_MS = 60_000;
const CLOCK_SKEW_MS = 5_000;

export interface ActorClaims {
  v: 1;
  /** The service that may act on it. */
  aud: string;
  /** The wire subject it was sent to. */
  sub: string;
  /** Request id. */
  rid: string;
  /** Who acts; null for an anonymous (public) request. */
  act: ActorContext | null;
  /** Idempotency-Key, when the caller sent one. */
  idk?: string;
  /** base64url SHA-256 of the request bytes. */
  bh: string;
  iat: number;
  exp: number;
}

export type ActorTokenFailure = 'MISSING' | 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' | 'WRONG_AUDIENCE' | 'WRONG_SUBJECT' | 'BODY_MISMATCH';

export type ActorTokenCheck = { ok: true; claims: ActorClaims } | { ok: false; reason: ActorTokenFailure };

export const bodyHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64url');

/** Keys travel as one line each: base64 of the DER (PKCS#8 private, SPKI public). */
export function generateActorKeys(): { signingKey: string; verifyKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    verifyKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

export class ActorSigner {
  private readonly key: KeyObject;

  constructor(signingKey: string) {
    this.key = createPrivateKey({ key: Buffer.from(signingKey, 'base64'), format: 'der', type: 'pkcs8' });
    if (this.key.asymmetricKeyType !== 'ed25519') throw new Error('the actor signing key must be an Ed25519 key');
  }

  sign(claims: Omit<ActorClaims, 'v' | 'iat' | 'exp'>, nowMs = Date.now()): string {
    const full: ActorClaims = { v: 1, ...claims, iat: nowMs, exp: nowMs + ACTOR_TOKEN_TTL_MS };
    const body = Buffer.from(JSON.stringify(full)).toString('base64url');
    return `${body}.${sign(null, Buffer.from(body), this.key).toString('base64url')}`;
  }
}

export class ActorVerifier {
  private readonly key: KeyObject;

  constructor(
    verifyKey: string,
    private readonly audience: string,
  ) {
    this.key = createPublicKey({ key: Buffer.from(verifyKey, 'base64'), format: 'der', type: 'spki' });
    if (this.key.asymmetricKeyType !== 'ed25519') throw new Error('the actor verify key must be an Ed25519 key');
  }

  /** Checks signature, audience, subject, lifetime and the request bytes, in that order. */
  check(token: string | undefined, wireSubject: string, body: Uint8Array, nowMs = Date.now()): ActorTokenCheck {
    if (!token) return { ok: false, reason: 'MISSING' };
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'MALFORMED' };
    const head = token.slice(0, dot);
    let signatureOk: boolean;
    try {
      signatureOk = verify(null, Buffer.from(head), this.key, Buffer.from(token.slice(dot + 1), 'base64url'));
    } catch {
      return { ok: false, reason: 'MALFORMED' };
    }
    if (!signatureOk) return { ok: false, reason: 'BAD_SIGNATURE' };
    const claims = parseClaims(head);
    if (!claims) return { ok: false, reason: 'MALFORMED' };
    if (claims.aud !== this.audience) return { ok: false, reason: 'WRONG_AUDIENCE' };
    if (claims.sub !== wireSubject) return { ok: false, reason: 'WRONG_SUBJECT' };
    if (claims.exp < nowMs || claims.iat > nowMs + CLOCK_SKEW_MS) return { ok: false, reason: 'EXPIRED' };
    if (claims.bh !== bodyHash(body)) return { ok: false, reason: 'BODY_MISMATCH' };
    return { ok: true, claims };
  }
}

function parseClaims(head: string): ActorClaims | undefined {
  try {
    const c = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as Partial<ActorClaims>;
    const strings = [c.aud, c.sub, c.rid, c.bh].every((s) => typeof s === 'string');
    if (c.v !== 1 || !strings || typeof c.iat !== 'number' || typeof c.exp !== 'number') return undefined;
    if (c.act !== null && !(c.act && typeof c.act.userId === 'string' && typeof c.act.role === 'string')) return undefined;
    if (c.idk !== undefined && typeof c.idk !== 'string') return undefined;
    return c as ActorClaims;
  } catch {
    return undefined;
  }
}
