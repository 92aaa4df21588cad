// Applies every service's migrations to its own schema (DB_SCHEMA_PREFIX prefixes them, as tests do).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { SCHEMA_OWNERS } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { migrate } = require(join(root, 'packages/persistence/dist/index.js'));
const { withFileSecrets } = require(join(root, 'packages/service-kit/dist/index.js'));
// In a deployment this is the migration role, which owns every schema (scripts/db-roles.mjs, ADR 0035).
const env = withFileSecrets(process.env);
const connectionString = env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const prefix = env.DB_SCHEMA_PREFIX ?? '';

for (const name of SCHEMA_OWNERS) {
  const schema = `${prefix}${name.replace(/-/g, '_')}`;
  const res = await migrate({
    connectionString,
    schema,
    migrationsDir: join(root, 'apps', name, 'prisma', 'migrations'),
  });
  console.log(`[migrate] ${schema}: ${res.applied.length} applied, ${res.alreadyApplied.length} already applied`);
}
