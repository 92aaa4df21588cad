import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { ActorContext } from '@firstset/messaging';
import type { PendingStepV1 } from '@firstset/contracts';
import { Clock, SERVICE_CONFIG } from '@firstset/service-kit';
import { GatewayConfig } from '../config';
import { TokenRevocations } from './token-revocations';

const ISSUER = 'firstset-gateway';
const AUDIENCE = 'firstset-api';

/** A verified token: its actor, and what the account must do before anything else. */
export interface VerifiedToken {
  actor: ActorContext;
  pending: PendingStepV1[];
}

/** Short-lived signed access tokens (HS256) that carry the actor and its jurisdiction. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  /**
   * Tokens already verified, with their expiry: the signature check is the same every time, and
   * was a tenth of the gateway's CPU per request. Bounded; the oldest entries go first.
   */
  private readonly verified = new Map<string, VerifiedToken & { issuedAtMs: number; expiresAtMs: number }>();
  private static readonly CACHE_SIZE = 10_000;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly clock: Clock,
    private readonly revocations: TokenRevocations,
  ) {
    this.key = new TextEncoder().encode(config.tokenSecret);
  }

  /**
   * `issuedAtMs` (default now) lets a token issued right after a revocation, in the same
   * millisecond, be later than it (a password change revokes the other tokens and issues one).
   */
  async issue(actor: ActorContext, pending: PendingStepV1[] = [], issuedAtMs = this.clock.now().getTime()): Promise<{ accessToken: string; expiresIn: number }> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    // iat has whole seconds; the milliseconds let a sign-in right after a sign-out keep its token.
    const accessToken = await new SignJWT({ actor, iat_ms: issuedAtMs, ...(pending.length ? { pending } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(actor.userId)
      .setIssuedAt(now)
      .setExpirationTime(now + this.config.tokenTtlSeconds)
      .sign(this.key);
    return { accessToken, expiresIn: this.config.tokenTtlSeconds };
  }

  /** The token's actor, or null when it is malformed, forged, expired or revoked. */
  async verify(token: string): Promise<VerifiedToken | null> {
    const known = this.verified.get(token);
    if (known) {
      if (this.clock.now().getTime() < known.expiresAtMs) {
        return this.revocations.isRevoked(known.actor.userId, known.issuedAtMs) ? null : known;
      }
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.clock.now(),
      });
      const actor = payload.actor as ActorContext | undefined;
      if (!actor || typeof actor.userId !== 'string' || typeof actor.role !== 'string') return null;
      const issuedAtMs = typeof payload.iat_ms === 'number' ? payload.iat_ms : (payload.iat ?? 0) * 1000;
      const pending = Array.isArray(payload.pending) ? (payload.pending as PendingStepV1[]) : [];
      const verified = { actor, pending };
      if (typeof payload.exp === 'number') {
        if (this.verified.size >= TokenService.CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
        this.verified.set(token, { ...verified, issuedAtMs, expiresAtMs: payload.exp * 1000 });
      }
      return this.revocations.isRevoked(actor.userId, issuedAtMs) ? null : verified;
    } catch {
      return null;
    }
  }
}
