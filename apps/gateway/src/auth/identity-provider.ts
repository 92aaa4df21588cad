import { ActorContext } from '@firstset/messaging';

export type LoginResult =
  | { ok: true; actor: ActorContext }
  | { ok: false; reason: 'invalid_credentials' | 'locked' | 'disabled'; lockedUntil?: Date };

/**
 * The port behind which identities live: built-in accounts by default; an OIDC provider (the
 * region's unified identity platform) replaces it without touching the routes.
 */
export abstract class IdentityProvider {
  abstract login(username: string, password: string, now: Date): Promise<LoginResult>;
}
