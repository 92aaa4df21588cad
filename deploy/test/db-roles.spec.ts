import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { dropDatabaseRoles, dropSchema } from '@firstset/persistence';

// The deployment's path end to end, as the migrate Job and docker-compose run it (ADR 0035):
// scripts/db-roles.mjs, scripts/migrate-all.mjs as the migration role, db-roles again; then the
// processes' own scripts as their roles. Own role and schema names per run, dropped after.
const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const adminUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const id = `d${randomBytes(4).toString('hex')}`;
const prefix = `${id}_`;
const OWNERS = [
  'gateway',
  'intake',
  'preliminary-review',
  'expert-management',
  'publicity',
  'compliance',
  'oversight',
];
const schemaOf = (name: string) => `${prefix}${name.replace(/-/g, '_')}`;
const roleOf = schemaOf;
const pw = (name: string) => `p${name.replace(/-/g, '')}${randomBytes(8).toString('hex')}`;
const passwords = Object.fromEntries(
  [...OWNERS, 'migrator', 'audit-checkpoint'].filter((n) => n !== 'oversight').map((n) => [n, pw(n)]),
);
let dir: string;

function urlAs(role: string, password: string): string {
  const u = new URL(adminUrl);
  u.username = role;
  u.password = password;
  return u.toString();
}
const node = (script: string, env: Record<string, string>) =>
  run(process.execPath, [join(ROOT, 'scripts', script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 120_000,
  });

async function as<T>(role: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: urlAs(roleOf(role), passwords[role]!) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'db-roles-'));
  // Passwords as the Job mounts them: a folder with one file per role (a trailing newline, as kubectl leaves).
  for (const [name, p] of Object.entries(passwords))
    if (name !== 'migrator') writeFileSync(join(dir, name), `${p}\n`, { mode: 0o600 });
  writeFileSync(join(dir, 'admin-url'), adminUrl);
  writeFileSync(join(dir, 'migrator-url'), urlAs(roleOf('migrator'), passwords.migrator!));
  const common = { DB_SCHEMA_PREFIX: prefix, DB_ROLE_PREFIX: prefix, DB_PASSWORDS_DIR: dir };
  const roles = {
    ...common,
    DATABASE_ADMIN_URL_FILE: join(dir, 'admin-url'),
    DB_PASSWORD_MIGRATOR: passwords.migrator!,
    DATABASE_URL_FILE: join(dir, 'migrator-url'),
  };
  await node('db-roles.mjs', roles);
  const migrated = await node('migrate-all.mjs', { ...common, DATABASE_URL_FILE: join(dir, 'migrator-url') });
  expect(migrated.stdout).toMatch(new RegExp(`\\[migrate\\] ${schemaOf('oversight')}: \\d+ applied`));
  const again = await node('db-roles.mjs', roles);
  expect(again.stdout).toContain(`[db-roles] role ${roleOf('oversight')}: NOLOGIN (no password given)`);
}, 240_000);

afterAll(async () => {
  for (const name of OWNERS) await dropSchema(adminUrl, schemaOf(name));
  await dropDatabaseRoles(adminUrl, [...OWNERS, 'audit-checkpoint', 'migrator'].map(roleOf));
  rmSync(dir, { recursive: true, force: true });
});

describe('scripts/db-roles.mjs around scripts/migrate-all.mjs', () => {
  it('leaves every schema and everything in it owned by the migration role', async () => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      const { rows } = await c.query(
        `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE $1
         UNION SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname LIKE $1`,
        [`${prefix.replace(/_/g, '\\_')}%`],
      );
      expect(rows).toEqual([{ owner: roleOf('migrator') }]);
      const schemas = await c.query(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE $1`, [
        `${prefix.replace(/_/g, '\\_')}%`,
      ]);
      expect(schemas.rows[0].n).toBe(OWNERS.length);
    } finally {
      await c.end();
    }
  });

  it('lets each service write its own schema and refuses it the audit trigger and the others', async () => {
    for (const name of ['intake', 'gateway', 'compliance']) {
      const s = schemaOf(name);
      await as(name, async (c) => {
        await c.query(
          `INSERT INTO "${s}".audit_records (id, occurred_at, actor_id, actor_role, action, object_type, outcome, request_id, seq, prev_hash, hash)
           VALUES (gen_random_uuid(), now(), 'u', 'r', 'a', 'o', 'succeeded', 'q', 1, $1, $2)`,
          ['0'.repeat(64), 'b'.repeat(64)],
        );
        await expect(
          c.query(`DROP TRIGGER "audit_records_no_update_delete" ON "${s}".audit_records`),
        ).rejects.toThrow(/must be owner/);
        await expect(c.query(`DELETE FROM "${s}".audit_records`)).rejects.toThrow(/permission denied/);
        const other = schemaOf(name === 'intake' ? 'publicity' : 'intake');
        await expect(c.query(`SELECT 1 FROM "${other}".outbox_events`)).rejects.toThrow(
          /permission denied for schema/,
        );
      });
    }
    // Intake's application numbers come from a free-standing sequence.
    await as('intake', (c) => c.query(`SELECT nextval('"${schemaOf('intake')}".application_no_seq')`));
  });

  it('runs the checkpoint signer as its role over every schema, and no role without a password logs in', async () => {
    writeFileSync(
      join(dir, 'checkpointer-url'),
      urlAs(roleOf('audit-checkpoint'), passwords['audit-checkpoint']!),
    );
    const checkpoints = join(dir, 'checkpoints.jsonl');
    const { stdout } = await node('audit-checkpoint.mjs', {
      DB_SCHEMA_PREFIX: prefix,
      DATABASE_URL_FILE: join(dir, 'checkpointer-url'),
      AUDIT_DEV_KEYS: '1',
      AUDIT_CHECKPOINT_FILE: checkpoints,
    });
    expect(stdout).toContain(`signed ${schemaOf('intake')}: seq 1, 1 records`);
    expect(readFileSync(checkpoints, 'utf8').trim().split('\n')).toHaveLength(OWNERS.length);
    await as('audit-checkpoint', async (c) => {
      await expect(c.query(`SELECT 1 FROM "${schemaOf('intake')}".outbox_events`)).rejects.toThrow(
        /permission denied/,
      );
    });
    const oversight = new Client({ connectionString: urlAs(roleOf('oversight'), 'anything') });
    await expect(oversight.connect()).rejects.toThrow(/not permitted to log in/);
  });
});
