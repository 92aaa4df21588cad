import { ActorContext } from '@firstset/messaging';
import type { PendingStepV1 } from '@firstset/contracts';

export type LoginResult =
  | { ok: true; actor: ActorContext; pending: PendingStepV1[] }
  | { ok: false; reason: 'invalid_credentials' | 'locked' | 'totp_required' | 'invalid_totp'; lockedUntil?: Date };

/**
 * The port behind which identities live: built-in accounts by default; an OIDC provider (the
 * region's unified identity platform) replaces it without touching the routes.
 */
export abstract class IdentityProvider {
  /** `totpCode` is the second factor, when the account has one (otherwise ignored). */
  abstract login(username: string, password: string, totpCode: string | undefined, now: Date): Promise<LoginResult>;
}
