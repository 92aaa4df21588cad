import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { dropDatabaseRoles } from '@firstset/persistence';
import { cleanupTestEnv, freePort, http, newTestEnv, REPO_ROOT } from '@firstset/testing';

// The apps as the deployment runs them (ADR 0035): each connected as its own role, which owns
// nothing. The gateway signs in a user, intake opens a batch (its tables, outbox and audit chain),
// oversight projects it from the event (its inbox, tallies and triggers): nothing is refused.
// The other services start too, with their consumers and schedulers.
const run = promisify(execFile);
const env = newTestEnv();
const prefix = env.schemaPrefix; // roles share the run's prefix: `<id>_intake`, …
const OWNERS = [
  'gateway',
  'intake',
  'preliminary-review',
  'expert-management',
  'publicity',
  'compliance',
  'oversight',
];
// Every app: each seals its audit chain and starts its consumers and schedulers as its role.
const APPS = OWNERS;
const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'demo-data.json'), 'utf8'));
const role = (name: string) => `${prefix}${name.replace(/-/g, '_')}`;
const password = (name: string) => `p${name.replace(/-/g, '')}${env.id}`;
const urlAs = (name: string) => {
  const u = new URL(env.databaseUrl);
  u.username = role(name);
  u.password = password(name);
  return u.toString();
};
const processes = new Map<string, ChildProcess>();
const logs = new Map<string, string>();
let dir: string;
let baseUrl: string;

async function script(name: string, extra: Record<string, string>) {
  await run(process.execPath, [join(REPO_ROOT, 'scripts', name)], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', DB_SCHEMA_PREFIX: prefix, ...extra },
    timeout: 180_000,
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end)
      throw new Error(
        `timed out waiting for ${what}\n${[...logs].map(([n, l]) => `--- ${n}\n${l.slice(-2000)}`).join('\n')}`,
      );
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roles-apps-'));
  const roles = {
    DATABASE_ADMIN_URL: env.databaseUrl,
    DB_ROLE_PREFIX: prefix,
    ...Object.fromEntries(
      ['migrator', ...OWNERS, 'audit-checkpoint'].map((n) => [
        `DB_PASSWORD_${n.replace(/-/g, '_').toUpperCase()}`,
        password(n),
      ]),
    ),
  };
  await script('db-roles.mjs', roles);
  await script('migrate-all.mjs', { DATABASE_URL: urlAs('migrator') });
  await script('db-roles.mjs', roles);
  // Demo accounts, as Compose seeds them: as the administrator.
  await script('seed-demo.mjs', { DATABASE_URL: env.databaseUrl });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}/api`;
  const healthPorts: Record<string, number> = {};
  for (const name of APPS) {
    healthPorts[name] = name === 'gateway' ? port : await freePort();
    const child = spawn(process.execPath, [join(REPO_ROOT, 'apps', name, 'dist', 'main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: urlAs(name),
        DB_SCHEMA_PREFIX: prefix,
        NATS_URL: env.natsUrl,
        NATS_NAMESPACE: env.namespace,
        ACTOR_VERIFY_KEY: env.actorVerifyKey,
        LOG_LEVEL: 'info',
        ...(name === 'gateway'
          ? {
              PORT: String(port),
              TOKEN_SECRET: env.tokenSecret,
              ACTOR_SIGNING_KEY: env.actorSigningKey,
              OBJECT_STORE_DIR: join(dir, 'objects'),
              // No upload here: the roles are under test, not the malware scan (ADR 0034).
              MALWARE_SCAN: 'off',
            }
          : { HEALTH_PORT: String(healthPorts[name]) }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    logs.set(name, '');
    const keep = (chunk: Buffer) => logs.set(name, logs.get(name)! + chunk.toString());
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    processes.set(name, child);
  }
  for (const name of APPS) {
    const url =
      name === 'gateway' ? `${baseUrl}/health/ready` : `http://127.0.0.1:${healthPorts[name]}/health/ready`;
    await until(`${name} ready`, async () => ((await fetch(url)).status === 200 ? true : undefined), 90_000);
  }
}, 300_000);

afterAll(async () => {
  await Promise.all(
    [...processes.values()].map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.exitCode !== null) return resolve();
          p.once('exit', () => resolve());
          p.kill('SIGTERM');
          setTimeout(() => p.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
  await cleanupTestEnv(env);
  await dropDatabaseRoles(env.databaseUrl, ['migrator', ...OWNERS, 'audit-checkpoint'].map(role));
  rmSync(dir, { recursive: true, force: true });
});

it('runs every app as its own role: sign-in, a command, a query and a projection', async () => {
  const login = await http(baseUrl, 'POST', '/auth/login', {
    body: { username: 'dept.admin', password: demo.password },
  });
  expect(login.status).toBe(200);
  const token = login.body.accessToken;
  const opened = await http(baseUrl, 'POST', '/batches', {
    token,
    body: {
      year: 2031,
      name: '2031年度首台（套）认定（数据库角色测试）',
      windowOpensAt: '2031-03-01T00:00:00+08:00',
      windowClosesAt: '2031-04-30T00:00:00+08:00',
      prefectureDeadline: '2031-05-15',
    },
  });
  expect(opened.status).toBe(201);
  const listed = await http(baseUrl, 'GET', '/batches', { token });
  expect(listed.status).toBe(200);
  expect(JSON.stringify(listed.body)).toContain(opened.body.id);
  // Oversight's projection, written as its role from intake's event.
  const admin = new Client({ connectionString: env.databaseUrl });
  await admin.connect();
  try {
    await until('oversight to project the batch', async () => {
      const { rows } = await admin.query(`SELECT 1 FROM "${prefix}oversight".batches WHERE id = $1`, [
        opened.body.id,
      ]);
      return rows.length ? true : undefined;
    });
    // Every chain holds what was written, sealed by the writers as their roles.
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM "${prefix}intake".audit_records WHERE seq IS NOT NULL`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
  } finally {
    await admin.end();
  }
  for (const [name, log] of logs) expect(`${name}: ${log}`).not.toMatch(/permission denied|must be owner/i);
});
