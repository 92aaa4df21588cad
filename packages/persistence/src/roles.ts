import { Client } from 'pg';
import { assertSchemaName } from './schema-name';

/**
 * PostgreSQL roles of a deployment (ADR 0035): one migration role that owns every schema and
 * object, one login role per process with DML on its own schema only. Owning nothing, a service
 * cannot DROP or ALTER a table or the audit trigger (ADR 0027), nor read another service's schema.
 */
export interface DatabaseRolesOptions {
  /** An administrator: a superuser, or a role with CREATEROLE that is a member of the current owners. */
  connectionString: string;
  migrator: RoleLogin;
  /** Every service's own schema, with the role that writes it. */
  services: Array<RoleLogin & { schema: string }>;
  /** Roles that only read one table in each of `schemas` (the audit checkpoint signer: `audit_records`). */
  readers?: Array<RoleLogin & { schemas: string[]; table: string }>;
  log?: (line: string) => void;
}

export interface RoleLogin {
  role: string;
  /** Absent or empty: the role exists but cannot log in (NOLOGIN), so a missing secret never opens a door. */
  password?: string;
}

/** The audit table's chain columns: the only ones a service may UPDATE (sealing records written before the chain). */
export const AUDIT_CHAIN_COLUMNS = ['seq', 'prev_hash', 'hash'] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
export function assertRoleName(name: string): string {
  if (!ROLE_NAME.test(name))
    throw new Error(`invalid PostgreSQL role name "${name}": use lower-case letters, digits and _ (max 63)`);
  return name;
}
const q = (name: string) => `"${name}"`;

/**
 * Creates or updates the roles and their privileges; safe to run any number of times, before and
 * after migrations (before: schemas are created owned by the migration role, with default
 * privileges, so tables its migrations add are covered; after: ownership of objects an earlier
 * owner created moves to the migration role, and the audit table's column grants are set).
 */
export async function provisionDatabaseRoles(opts: DatabaseRolesOptions): Promise<void> {
  const log = opts.log ?? (() => undefined);
  const migrator = assertRoleName(opts.migrator.role);
  const all = [opts.migrator, ...opts.services, ...(opts.readers ?? [])];
  const names = all.map((r) => assertRoleName(r.role));
  if (new Set(names).size !== names.length) throw new Error(`a role is named twice: ${names.join(', ')}`);
  for (const s of opts.services) assertSchemaName(s.schema);
  for (const r of opts.readers ?? []) r.schemas.forEach(assertSchemaName);

  const c = new Client({ connectionString: opts.connectionString });
  await c.connect();
  try {
    await c.query('BEGIN');
    // Two jobs at once (a rollout) would race on CREATE ROLE; role DDL is transactional.
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('firstset:db-roles'))`);
    const { rows: dbRows } = await c.query<{ db: string }>('SELECT current_database() AS db');
    const db = `"${dbRows[0]!.db.replace(/"/g, '""')}"`;

    for (const r of all) {
      const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [r.role]);
      if (!exists.rowCount) await c.query(`CREATE ROLE ${q(r.role)}`);
      const login = r.password ? `LOGIN PASSWORD ${c.escapeLiteral(r.password)}` : 'NOLOGIN PASSWORD NULL';
      // NOINHERIT and no attributes: whatever else is granted to it later, a role acts as itself.
      await c.query(
        `ALTER ROLE ${q(r.role)} WITH ${login} NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS`,
      );
      await c.query(`GRANT CONNECT ON DATABASE ${db} TO ${q(r.role)}`);
      log(`role ${r.role}: ${r.password ? 'login' : 'NOLOGIN (no password given)'}`);
    }
    // The migration role creates the schemas (migrate() runs CREATE SCHEMA IF NOT EXISTS).
    await c.query(`GRANT CREATE ON DATABASE ${db} TO ${q(migrator)}`);

    for (const svc of opts.services) {
      const s = q(svc.schema);
      const role = q(svc.role);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${s} AUTHORIZATION ${q(migrator)}`);
      await takeOwnership(c, svc.schema, migrator);
      await c.query(`REVOKE ALL ON SCHEMA ${s} FROM PUBLIC`);
      await c.query(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${role}`);
      await c.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`);
      // Tables and sequences the migration role creates later get the same grants.
      await c.query(
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(migrator)} IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
      );
      await c.query(
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(migrator)} IN SCHEMA ${s} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role}`,
      );
      // The migration history is the migration role's alone; a service neither reads nor forges it.
      if (await tableExists(c, svc.schema, '_prisma_migrations')) {
        await c.query(`REVOKE ALL ON ${s}."_prisma_migrations" FROM ${role}`);
      }
      // The audit log: append, read, and seal pre-chain records (ADR 0027); no UPDATE of what a
      // record says and no DELETE, even with the trigger gone.
      if (await tableExists(c, svc.schema, 'audit_records')) {
        await c.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${s}."audit_records" FROM ${role}`);
        const cols = await existingColumns(c, svc.schema, 'audit_records', AUDIT_CHAIN_COLUMNS);
        if (cols.length)
          await c.query(`GRANT UPDATE (${cols.map(q).join(', ')}) ON ${s}."audit_records" TO ${role}`);
      }
      log(`schema ${svc.schema}: owned by ${migrator}, DML to ${svc.role}`);
    }

    for (const reader of opts.readers ?? []) {
      for (const schema of reader.schemas) {
        const exists = await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
        if (!exists.rowCount) continue;
        await c.query(`GRANT USAGE ON SCHEMA ${q(schema)} TO ${q(reader.role)}`);
        if (await tableExists(c, schema, reader.table)) {
          await c.query(`GRANT SELECT ON ${q(schema)}.${q(reader.table)} TO ${q(reader.role)}`);
        }
      }
      log(`role ${reader.role}: reads ${reader.table} in ${reader.schemas.length} schemas`);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await c.end();
  }
}

/** Moves the schema and what is in it (from an earlier deployment's single owner) to the migration role. */
async function takeOwnership(c: Client, schema: string, migrator: string): Promise<void> {
  await c.query(`ALTER SCHEMA ${q(schema)} OWNER TO ${q(migrator)}`);
  // Sequences owned by a table column follow their table; the rest are moved themselves.
  const { rows } = await c.query<{ kind: string; name: string }>(
    `SELECT CASE WHEN c.relkind IN ('v') THEN 'VIEW' WHEN c.relkind = 'm' THEN 'MATERIALIZED VIEW'
                 WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
        AND pg_get_userbyid(c.relowner) <> $2
        AND NOT (c.relkind = 'S' AND EXISTS (
          SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
      ORDER BY c.relkind, c.relname`,
    [schema, migrator],
  );
  for (const r of rows)
    await c.query(`ALTER ${r.kind} ${q(schema)}."${r.name.replace(/"/g, '""')}" OWNER TO ${q(migrator)}`);
  const fns = await c.query<{ sig: string }>(
    `SELECT p.oid::regprocedure::text AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2`,
    [schema, migrator],
  );
  for (const f of fns.rows) await c.query(`ALTER ROUTINE ${f.sig} OWNER TO ${q(migrator)}`);
  // Enums and domains Prisma creates (a table's row type follows its table).
  const types = await c.query<{ name: string }>(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> $2`,
    [schema, migrator],
  );
  for (const t of types.rows)
    await c.query(`ALTER TYPE ${q(schema)}."${t.name.replace(/"/g, '""')}" OWNER TO ${q(migrator)}`);
}

async function tableExists(c: Client, schema: string, table: string): Promise<boolean> {
  const { rowCount } = await c.query(
    `SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')`,
    [schema, table],
  );
  return !!rowCount;
}

async function existingColumns(
  c: Client,
  schema: string,
  table: string,
  columns: readonly string[],
): Promise<string[]> {
  const { rows } = await c.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = ANY($3)`,
    [schema, table, columns],
  );
  return rows.map((r) => r.column_name);
}

/** Drops roles a test created (their privileges first: a role with grants cannot be dropped). */
export async function dropDatabaseRoles(connectionString: string, roles: string[]): Promise<void> {
  const c = new Client({ connectionString });
  await c.connect();
  try {
    for (const role of roles) {
      const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [assertRoleName(role)]);
      if (!exists.rowCount) continue;
      await c.query(`DROP OWNED BY ${q(role)}`);
      await c.query(`DROP ROLE ${q(role)}`);
    }
  } finally {
    await c.end();
  }
}
