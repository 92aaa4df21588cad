import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropDatabaseRoles, dropSchema, migrate, provisionDatabaseRoles } from '../src';

// Real PostgreSQL: each run has its own role and schema names (roles are cluster-wide), dropped after.
const adminUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const id = `r${randomBytes(4).toString('hex')}`;
const apps = join(__dirname, '..', '..', '..', 'apps');
const schema = (service: string) => `${id}_${service}`;
const role = (name: string) => `${id}_${name}`;
const password = () => `p${randomBytes(12).toString('hex')}`;
const pw = {
  migrator: password(),
  intake: password(),
  publicity: password(),
  gateway: password(),
  audit_checkpoint: password(),
};

function urlAs(user: string, pass: string): string {
  const u = new URL(adminUrl);
  u.username = user;
  u.password = pass;
  return u.toString();
}

async function as<T>(user: string, pass: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: urlAs(user, pass) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const options = (withReaderPassword = true) => ({
  connectionString: adminUrl,
  migrator: { role: role('migrator'), password: pw.migrator },
  services: [
    { role: role('intake'), password: pw.intake, schema: schema('intake') },
    { role: role('publicity'), password: pw.publicity, schema: schema('publicity') },
    { role: role('gateway'), password: pw.gateway, schema: schema('gateway') },
  ],
  readers: [
    {
      role: role('audit_checkpoint'),
      password: withReaderPassword ? pw.audit_checkpoint : undefined,
      schemas: ['intake', 'publicity', 'gateway'].map(schema),
      table: 'audit_records',
    },
  ],
});

const migrateAs = (url: string, service: string) =>
  migrate({
    connectionString: url,
    schema: schema(service),
    migrationsDir: join(apps, service, 'prisma', 'migrations'),
  });

const ZERO = '0'.repeat(64);
const insertAudit = (s: string) =>
  `INSERT INTO "${s}".audit_records (id, occurred_at, actor_id, actor_role, action, object_type, outcome, request_id, seq, prev_hash, hash)
   VALUES (gen_random_uuid(), now(), 'u1', 'applicant', 'test.write', 'application', 'ok', 'req-1', 1, '${ZERO}', '${'a'.repeat(64)}')`;

beforeAll(async () => {
  // An earlier deployment: the gateway schema was migrated by the single owner (the admin here).
  await migrateAs(adminUrl, 'gateway');
  // Before migrations: roles, schemas owned by the migration role, default privileges.
  await provisionDatabaseRoles(options());
  await migrateAs(urlAs(role('migrator'), pw.migrator), 'intake');
  await migrateAs(urlAs(role('migrator'), pw.migrator), 'publicity');
  // After migrations (idempotent): the audit tables' column grants, the reader's grants.
  await provisionDatabaseRoles(options());
}, 120_000);

afterAll(async () => {
  for (const s of ['intake', 'publicity', 'gateway']) await dropSchema(adminUrl, schema(s));
  await dropDatabaseRoles(
    adminUrl,
    ['intake', 'publicity', 'gateway', 'audit_checkpoint', 'migrator'].map(role),
  );
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  const { rowCount } = await c.query(`SELECT 1 FROM pg_roles WHERE rolname LIKE $1`, [`${id}\\_%`]);
  await c.end();
  expect(rowCount).toBe(0);
});

describe('database roles (ADR 0035)', () => {
  it('lets a service write and read its own tables, append to its audit log and seal chain columns', async () => {
    await as(role('intake'), pw.intake, async (c) => {
      await c.query(
        `INSERT INTO "${schema('intake')}".outbox_events (id, subject, payload) VALUES (gen_random_uuid(), 'x.v1', '{}')`,
      );
      await c.query(`UPDATE "${schema('intake')}".outbox_events SET attempts = attempts + 1`);
      await c.query(insertAudit(schema('intake')));
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "${schema('intake')}".audit_records`);
      expect(rows[0].n).toBe(1);
      // chainLegacyAuditRecords' statement: the chain columns only (none left to seal here).
      await c.query(
        `UPDATE "${schema('intake')}".audit_records SET seq = 2, prev_hash = '', hash = '' WHERE seq IS NULL`,
      );
      await c.query(`DELETE FROM "${schema('intake')}".outbox_events`);
    });
  });

  it('refuses a service DROP TRIGGER, DROP TABLE, ALTER TABLE and TRUNCATE on its audit table, and DROP SCHEMA', async () => {
    const s = schema('intake');
    await as(role('intake'), pw.intake, async (c) => {
      await expect(
        c.query(`DROP TRIGGER "audit_records_no_update_delete" ON "${s}".audit_records`),
      ).rejects.toThrow(/must be owner/);
      await expect(c.query(`DROP TABLE "${s}".audit_records`)).rejects.toThrow(/must be owner/);
      await expect(c.query(`DROP TABLE "${s}".outbox_events`)).rejects.toThrow(/must be owner/);
      await expect(c.query(`ALTER TABLE "${s}".audit_records DISABLE TRIGGER ALL`)).rejects.toThrow(
        /must be owner/,
      );
      await expect(c.query(`TRUNCATE "${s}".audit_records`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`DROP SCHEMA "${s}" CASCADE`)).rejects.toThrow(/must be owner/);
      await expect(c.query(`CREATE TABLE "${s}".mine (id int)`)).rejects.toThrow(/permission denied/);
    });
  });

  it('refuses a service UPDATE of what an audit record says and DELETE, even were the trigger gone', async () => {
    const s = schema('intake');
    await as(role('intake'), pw.intake, async (c) => {
      await expect(c.query(`UPDATE "${s}".audit_records SET actor_id = 'someone else'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(c.query(`DELETE FROM "${s}".audit_records`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`SELECT * FROM "${s}"."_prisma_migrations"`)).rejects.toThrow(/permission denied/);
    });
  });

  it("refuses a service another service's schema", async () => {
    await as(role('intake'), pw.intake, async (c) => {
      await expect(c.query(`SELECT * FROM "${schema('publicity')}".audit_records`)).rejects.toThrow(
        /permission denied for schema/,
      );
      await expect(c.query(`SELECT * FROM "${schema('gateway')}".users`)).rejects.toThrow(
        /permission denied for schema/,
      );
    });
    await as(role('publicity'), pw.publicity, async (c) => {
      await expect(c.query(`SELECT * FROM "${schema('intake')}".outbox_events`)).rejects.toThrow(
        /permission denied for schema/,
      );
    });
  });

  it("moves an earlier single owner's schema to the migration role, so its service is confined too", async () => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      const { rows } = await c.query(
        `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1
         UNION SELECT pg_get_userbyid(p.proowner) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1
         UNION SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1`,
        [schema('gateway')],
      );
      expect(rows.map((r) => r.owner)).toEqual([role('migrator')]);
    } finally {
      await c.end();
    }
    await as(role('gateway'), pw.gateway, async (c) => {
      await c.query(insertAudit(schema('gateway')));
      await expect(
        c.query(`DROP TRIGGER "audit_records_no_update_delete" ON "${schema('gateway')}".audit_records`),
      ).rejects.toThrow(/must be owner/);
    });
  });

  it('lets the checkpoint signer read every audit table and nothing else', async () => {
    await as(role('audit_checkpoint'), pw.audit_checkpoint, async (c) => {
      for (const s of ['intake', 'publicity', 'gateway'])
        await c.query(`SELECT seq, hash FROM "${schema(s)}".audit_records`);
      await expect(c.query(`SELECT * FROM "${schema('intake')}".outbox_events`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(c.query(insertAudit(schema('publicity')))).rejects.toThrow(/permission denied/);
    });
  });

  it('lets the migration role alter and drop, and covers tables a later migration adds', async () => {
    const s = schema('intake');
    await as(role('migrator'), pw.migrator, async (c) => {
      await c.query('BEGIN');
      await c.query(`DROP TRIGGER "audit_records_no_update_delete" ON "${s}".audit_records`);
      await c.query('ROLLBACK');
      await c.query(`CREATE TABLE "${s}".later_table (id serial PRIMARY KEY, note text)`);
    });
    await as(role('intake'), pw.intake, async (c) => {
      await c.query(`INSERT INTO "${s}".later_table (note) VALUES ('default privileges')`);
      expect((await c.query(`SELECT note FROM "${s}".later_table`)).rows).toEqual([
        { note: 'default privileges' },
      ]);
      await expect(c.query(`DROP TABLE "${s}".later_table`)).rejects.toThrow(/must be owner/);
    });
    await as(role('publicity'), pw.publicity, async (c) => {
      await expect(c.query(`SELECT * FROM "${s}".later_table`)).rejects.toThrow(
        /permission denied for schema/,
      );
    });
  });

  it('leaves a role without a password unable to log in, and runs again without changing what it granted', async () => {
    await provisionDatabaseRoles(options(false));
    await expect(as(role('audit_checkpoint'), pw.audit_checkpoint, async () => undefined)).rejects.toThrow(
      /not permitted to log in/,
    );
    await provisionDatabaseRoles(options(true));
    await as(role('audit_checkpoint'), pw.audit_checkpoint, (c) =>
      c.query(`SELECT 1 FROM "${schema('intake')}".audit_records`),
    );
    await as(role('intake'), pw.intake, async (c) => {
      await expect(c.query(`UPDATE "${schema('intake')}".audit_records SET actor_id = 'x'`)).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  it('refuses role names that are not plain identifiers', async () => {
    await expect(
      provisionDatabaseRoles({ ...options(), migrator: { role: 'x"; DROP ROLE postgres; --' } }),
    ).rejects.toThrow(/invalid PostgreSQL role name/);
  });
});
