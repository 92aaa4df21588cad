// Creates the deployment's PostgreSQL roles and their privileges (ADR 0035); idempotent, run it
// before and after `scripts/migrate-all.mjs` (docker-compose.yml's and Kubernetes' migrate job do).
//   DATABASE_ADMIN_URL (or _FILE)   an administrator: a superuser, or CREATEROLE and member of the owners
//                                   (default DATABASE_URL, then postgres@127.0.0.1)
//   DB_SCHEMA_PREFIX                the schemas' prefix (as scripts/migrate-all.mjs)
//   DB_ROLE_PREFIX                  the roles' prefix (default firstset_): firstset_migrator,
//                                   firstset_intake, …, firstset_gateway, firstset_audit_checkpoint
//   DB_PASSWORD_<NAME> (or _FILE)   each role's password, NAME = MIGRATOR, INTAKE, PRELIMINARY_REVIEW,
//                                   …, GATEWAY, AUDIT_CHECKPOINT; DB_PASSWORDS_DIR/<name> also works
//                                   (a Kubernetes secret mounted as a folder, names as in
//                                   scripts/services.mjs). A role with no password is NOLOGIN.
// Development and `./run test` connect as postgres and need none of this.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_CHECKPOINTER, SCHEMA_OWNERS } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { provisionDatabaseRoles } = require(join(root, 'packages/persistence/dist/index.js'));
const { withFileSecrets } = require(join(root, 'packages/service-kit/dist/index.js'));

const env = withFileSecrets(process.env);
const adminUrl =
  readSecret('DATABASE_ADMIN_URL') ?? env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const schemaPrefix = env.DB_SCHEMA_PREFIX ?? '';
const rolePrefix = env.DB_ROLE_PREFIX ?? 'firstset_';
const snake = (name) => name.replace(/-/g, '_');

/** KEY, else the file KEY_FILE names, else undefined (one trailing newline dropped). */
function readSecret(key) {
  if (env[key]) return env[key];
  const file = env[`${key}_FILE`];
  return file ? readFileSync(file, 'utf8').replace(/\r?\n$/, '') : undefined;
}
function passwordOf(name) {
  const fromEnv = readSecret(`DB_PASSWORD_${snake(name).toUpperCase()}`);
  if (fromEnv) return fromEnv;
  const file = env.DB_PASSWORDS_DIR ? join(env.DB_PASSWORDS_DIR, name) : undefined;
  return file && existsSync(file) ? readFileSync(file, 'utf8').replace(/\r?\n$/, '') : undefined;
}
const login = (name) => ({ role: `${rolePrefix}${snake(name)}`, password: passwordOf(name) });

const schemas = SCHEMA_OWNERS.map((name) => `${schemaPrefix}${snake(name)}`);
await provisionDatabaseRoles({
  connectionString: adminUrl,
  migrator: login('migrator'),
  services: SCHEMA_OWNERS.map((name, i) => ({ ...login(name), schema: schemas[i] })),
  // The checkpoint signer reads each chain's head and nothing else (ADR 0027).
  readers: [{ ...login(AUDIT_CHECKPOINTER.name), schemas, table: 'audit_records' }],
  log: (line) => console.log(`[db-roles] ${line}`),
});
