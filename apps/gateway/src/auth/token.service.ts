import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { ActorContext } from '@firstset/messaging';
import { Clock, SERVICE_CONFIG } from '@firstset/service-kit';
import { GatewayConfig } from '../config';
import { TokenRevocations } from './token-revocations';

const ISSUER = 'firstset-gateway';
const AUDIENCE = 'firstset-api';

/** Short-lived signed access tokens (HS256) that carry the actor and its jurisdiction. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  /**
   * Tokens already verified, with their expiry: the signature check is the same every time, and
   * was a tenth of the gateway's CPU per request. Bounded; the oldest entries go first.
   */
  private readonly verified = new Map<string, { actor: ActorContext; issuedAtMs: number; expiresAtMs: number }>();
  private static readonly CACHE_SIZE = 10_000;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly clock: Clock,
    private readonly revocations: TokenRevocations,
  ) {
    this.key = new TextEncoder().encode(config.tokenSecret);
  }

  async issue(actor: ActorContext): Promise<{ accessToken: string; expiresIn: number }> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    // iat has whole seconds; the milliseconds let a sign-in right after a sign-out keep its token.
    const accessToken = await new SignJWT({ actor, iat_ms: this.clock.now().getTime() })
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
  async verify(token: string): Promise<ActorContext | null> {
    const known = this.verified.get(token);
    if (known) {
      if (this.clock.now().getTime() < known.expiresAtMs) {
        return this.revocations.isRevoked(known.actor.userId, known.issuedAtMs) ? null : known.actor;
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
      if (typeof payload.exp === 'number') {
        if (this.verified.size >= TokenService.CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
        this.verified.set(token, { actor, issuedAtMs, expiresAtMs: payload.exp * 1000 });
      }
      return this.revocations.isRevoked(actor.userId, issuedAtMs) ? null : actor;
    } catch {
      return null;
    }
  }
}
