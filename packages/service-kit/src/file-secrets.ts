import { readFileSync } from 'node:fs';

/**
 * Secrets a process may take from a file named by `<KEY>_FILE` (Kubernetes and Docker secrets are
 * mounted as files, which stay out of `kubectl describe`, `/proc/<pid>/environ` and crash dumps).
 * A list, not every `*_FILE`: AUDIT_CHECKPOINT_FILE and the like name data files, not secrets.
 */
export const FILE_SECRET_KEYS = [
  'DATABASE_URL',
  'NATS_PASSWORD',
  'TOKEN_SECRET',
  'ACTOR_SIGNING_KEY',
  'ACTOR_VERIFY_KEY',
  'AUDIT_SIGNING_KEY',
  'AUDIT_VERIFY_KEY',
  'EXPERT_IDENTITY_KEY',
  // Intake's gateways to the outside: the SMS key, the SMTP URL (its password), the credit platform's key.
  'INTAKE_SMS_KEY',
  'INTAKE_SMTP_URL',
  'INTAKE_CREDIT_PLATFORM_KEY',
] as const;

export class FileSecretError extends Error {}

/**
 * The environment with each `<KEY>_FILE` of FILE_SECRET_KEYS replaced by `<KEY>` holding the
 * file's content (one trailing newline dropped, as `echo` and `kubectl create secret` leave one).
 * Setting both is refused: which one wins would be a guess. Idempotent (the `_FILE` key is gone).
 */
export function withFileSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const key of FILE_SECRET_KEYS) {
    const path = env[`${key}_FILE`];
    if (path === undefined || path === '') continue;
    if (env[key] !== undefined && env[key] !== '')
      throw new FileSecretError(`${key} and ${key}_FILE are both set: set one`);
    let value: string;
    try {
      value = readFileSync(path, 'utf8');
    } catch (e) {
      throw new FileSecretError(
        `${key}_FILE: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
    value = value.replace(/\r?\n$/, '');
    if (!value) throw new FileSecretError(`${key}_FILE: ${path} is empty`);
    out[key] = value;
    delete out[`${key}_FILE`];
  }
  return out;
}
