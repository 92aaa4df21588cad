// Generates the Secrets a new deployment needs (ADR 0035), consistent with one another: each
// process's database URL carries its role's password, its NATS password is the one the servers
// read, the services verify with the gateway's actor key. Prints YAML for `kubectl apply -f -`;
// nothing is written to disk. The SM2 verify key of the audit checkpoints goes to stderr: keep it
// for `npm run audit:verify`, outside the database's reach (ADR 0027).
//   node deploy/k8s/secrets.mjs 'postgresql://postgres:<pw>@firstset-db-rw.firstset-db:5432/firstset' | kubectl apply -f -
// The argument is the administrator's URL (CloudNativePG: the firstset-db-superuser Secret).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Secret } from 'kubernetes-models/v1';
import { stringify } from 'yaml';
import { AUDIT_CHECKPOINTER, GATEWAY, SERVICES, throwawayActorKeys } from '../../scripts/services.mjs';
import { DB_PASSWORD_KEYS, DEFAULTS, secretKeysOf, secretNameOf } from './platform.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

// Letters and digits, starting with a letter: safe in a URL and in nats-server's config.
const password = () => `p${randomBytes(24).toString('hex')}`;
const roleOf = (name) => `firstset_${name.replace(/-/g, '_')}`;

/**
 * The Secrets as kubernetes-models objects, and the audit verify key.
 * @param {{ adminUrl: string, namespace?: string, database?: string }} options
 */
export async function generateSecrets({ adminUrl, namespace = DEFAULTS.namespace, database = 'firstset' }) {
  if (!/^postgres(ql)?:\/\//.test(adminUrl ?? ''))
    throw new Error('the administrator URL must be a postgresql:// URL');
  const { sm2GenerateKeyPair } = require(join(root, 'packages/national-crypto/dist/index.js'));
  const dbPasswords = Object.fromEntries(DB_PASSWORD_KEYS.map((k) => [k, password()]));
  const urlOf = (name) => `postgresql://${roleOf(name)}:${dbPasswords[name]}@postgres:5432/${database}`;
  const processes = [GATEWAY.name, ...SERVICES.map((s) => s.name), AUDIT_CHECKPOINTER.name];
  const natsPasswords = Object.fromEntries(processes.map((p) => [p, password()]));
  const actor = await throwawayActorKeys();
  const audit = sm2GenerateKeyPair();
  const values = (name) => ({
    'database-url': urlOf(name),
    'nats-password': natsPasswords[name],
    'actor-verify-key': actor.ACTOR_VERIFY_KEY,
    'token-secret': randomBytes(32).toString('hex'),
    'actor-signing-key': actor.ACTOR_SIGNING_KEY,
    'expert-identity-key': randomBytes(32).toString('hex'),
    'audit-signing-key': audit.privateKey,
  });
  const secret = (name, stringData) =>
    new Secret({
      metadata: { name, namespace, labels: { 'app.kubernetes.io/part-of': 'firstset' } },
      type: 'Opaque',
      stringData,
    });
  const pick = (all, keys) => Object.fromEntries(keys.map((k) => [k, all[k]]));
  const secrets = [
    ...processes.map((p) => secret(secretNameOf(p), pick(values(p), secretKeysOf(p)))),
    secret(secretNameOf('migrate'), { 'admin-url': adminUrl, 'database-url': urlOf('migrator') }),
    secret('firstset-db-passwords', dbPasswords),
    secret('firstset-nats-passwords', natsPasswords),
  ];
  for (const s of secrets) s.validate();
  return { secrets, auditVerifyKey: audit.publicKey };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // No top-level await: the tests load this module through require(esm).
  generateSecrets({ adminUrl: process.argv[2] }).then(
    ({ secrets, auditVerifyKey }) => {
      process.stdout.write(secrets.map((s) => `---\n${stringify(JSON.parse(JSON.stringify(s)))}`).join(''));
      console.error(
        `AUDIT_VERIFY_KEY=${auditVerifyKey}  (keep it for npm run audit:verify; it is not in any Secret)`,
      );
    },
    (e) => {
      console.error(e.message);
      process.exit(2);
    },
  );
}
