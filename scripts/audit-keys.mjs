// The audit checkpoint keys (ADR 0027). AUDIT_SIGNING_KEY (SM2 private, hex) signs checkpoints;
// AUDIT_VERIFY_KEY (SM2 public, hex) checks them. The pair below is for development and tests only:
// it is public in this repository, so a checkpoint it signed proves nothing. Production keys are
// generated with `node -e "console.log(require('@firstset/national-crypto').sm2GenerateKeyPair())"`
// and held outside the database's reach.
export const DEV_AUDIT_KEYS = {
  AUDIT_SIGNING_KEY: 'd88740d66dcd7ac7f40ad2138373f241ebe4c04c9903b52d5cf3ceb60c319e99',
  AUDIT_VERIFY_KEY:
    '04d2c8830d1eeeb6990d20d0bec7710a9250005e29bfe75d0c06de013ce3f37276bd218e6300ee39fde57cf24842dd8730018d90c63b8033733e012a33a208e721',
};

/** The key from the environment; the development key only when AUDIT_DEV_KEYS=1 says so. */
export function auditKey(name, env = process.env) {
  if (env[name]) return env[name].trim();
  if (env.AUDIT_DEV_KEYS === '1') return DEV_AUDIT_KEYS[name];
  return undefined;
}
