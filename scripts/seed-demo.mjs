// Demo data for `./run up`: an account for every role (README lists them), the review institution
// and its experts. Idempotent: existing rows are left as they are.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const demo = JSON.parse(readFileSync(join(root, 'scripts', 'demo-data.json'), 'utf8'));
const connectionString = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const prefix = process.env.DB_SCHEMA_PREFIX ?? '';

const { seedAccounts } = require(join(root, 'apps/gateway/dist/accounts/seed-accounts.js'));
const { createPrisma } = require(join(root, 'apps/gateway/dist/prisma.js'));
const db = createPrisma({ databaseUrl: connectionString, dbSchema: `${prefix}gateway` });
const created = await seedAccounts(
  db,
  demo.accounts.map((a) => ({ ...a, password: demo.password })),
);
await db.$disconnect();

const { Client } = require('pg');
const pg = new Client({ connectionString });
await pg.connect();
const em = `"${prefix}expert_management"`;
for (const i of demo.institutions) {
  await pg.query(`INSERT INTO ${em}.institutions (id, name, uscc) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [i.id, i.name, i.uscc]);
}
for (const e of demo.experts) {
  // Field codes (M4.2) and employers, so that the solver has something to match and check.
  await pg.query(
    `INSERT INTO ${em}.experts (id, name, institution_id, field, field_codes, employer_name, title) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [e.id, e.name, e.institutionId, e.field, e.fieldCodes, e.employerName, e.title],
  );
}
await pg.end();
console.log(`[seed] ${created} accounts created; ${demo.institutions.length} institution(s), ${demo.experts.length} experts ensured`);
