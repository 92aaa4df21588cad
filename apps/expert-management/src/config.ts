import { loadServiceConfig, withFileSecrets } from '@firstset/service-kit';

export const SERVICE_NAME = 'expert-management';
export const loadConfig = () => loadServiceConfig(SERVICE_NAME, { healthPort: 3103 });

/** Dev and test default: a real deployment sets EXPERT_IDENTITY_KEY (production refuses to start without it). */
export const DEV_IDENTITY_KEY = 'firstset-dev-expert-identity-key';

/**
 * The key of the experts' identity hashes (HMAC-SHA256): a pool keeps no identity number, only this
 * keyed hash, to find the same person twice, and the last 4 characters (M11.1, PIPL data minimisation).
 */
export function loadIdentityKey(rawEnv: NodeJS.ProcessEnv = process.env): string {
  const env = withFileSecrets(rawEnv);
  const key = (env.EXPERT_IDENTITY_KEY ?? '').trim();
  if (key) {
    if (key.length < 16) throw new Error('EXPERT_IDENTITY_KEY must have at least 16 characters');
    return key;
  }
  if (env.NODE_ENV === 'production') throw new Error('EXPERT_IDENTITY_KEY is required in production');
  return DEV_IDENTITY_KEY;
}
