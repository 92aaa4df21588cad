import { randomBytes } from 'node:crypto';
import { generateActorKeys } from '@firstset/messaging';
import { join } from 'node:path';
import { Client } from 'pg';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { migrate } from '@firstset/persistence';

/** Where a test run's data lives: its own PostgreSQL schemas and NATS namespace, never shared. */
export interface TestEnv {
  id: string;
  /** Subject and stream prefix of this run. */
  namespace: string;
  /** Prefix of this run's PostgreSQL schemas (`<prefix>intake`, …). */
  schemaPrefix: string;
  databaseUrl: string;
  natsUrl: string;
  /** This run's token key for the gateway (the gateway has no default key). */
  tokenSecret: string;
  /** This run's actor keys (ADR 0015): the gateway and `RpcCaller` sign with the first, services verify with the second. */
  actorSigningKey: string;
  actorVerifyKey: string;
  /**
   * Each process's NATS password by user name, when the run has its own authenticated
   * nats-server (`startAuthNatsServer`); absent on a server without authorization (ADR 0013).
   */
  natsPasswords?: Record<string, string>;
}

/** NATS_USER / NATS_PASSWORD of one process of the run, when its server asks for them. */
export function natsCredentialsOf(env: TestEnv, name: string): Record<string, string> {
  const password = env.natsPasswords?.[name];
  if (env.natsPasswords && !password) throw new Error(`no NATS password for ${name}`);
  return password ? { NATS_USER: name, NATS_PASSWORD: password } : {};
}

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export function newTestEnv(): TestEnv {
  const id = `t${randomBytes(4).toString('hex')}`;
  return {
    id,
    namespace: id,
    schemaPrefix: `${id}_`,
    databaseUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    tokenSecret: randomBytes(32).toString('hex'),
    ...actorKeys(),
  };
}

function actorKeys(): { actorSigningKey: string; actorVerifyKey: string } {
  const { signingKey, verifyKey } = generateActorKeys();
  return { actorSigningKey: signingKey, actorVerifyKey: verifyKey };
}

export const schemaOf = (env: TestEnv, service: string) => `${env.schemaPrefix}${service.replace(/-/g, '_')}`;

/** Applies a service's migrations to this run's schema for it; returns the schema name. */
export async function migrateService(env: TestEnv, service: string): Promise<string> {
  const schema = schemaOf(env, service);
  await migrate({
    connectionString: env.databaseUrl,
    schema,
    migrationsDir: join(REPO_ROOT, 'apps', service, 'prisma', 'migrations'),
  });
  return schema;
}

/** Runs SQL against a service's schema of this run (seeding reference data, inspecting tables). */
export async function sql<T = Record<string, unknown>>(env: TestEnv, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: env.databaseUrl });
  await client.connect();
  try {
    const res = await client.query(text, values);
    return res.rows as T[];
  } finally {
    await client.end();
  }
}

/** Drops the run's schemas and deletes its streams. */
export async function cleanupTestEnv(env: TestEnv): Promise<void> {
  const client = new Client({ connectionString: env.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`,
      [`${env.schemaPrefix.replace(/_/g, '\\_')}%`],
    );
    for (const r of rows) await client.query(`DROP SCHEMA "${r.nspname}" CASCADE`);
  } finally {
    await client.end();
  }
  const nc = await connect({ servers: env.natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${env.namespace}_`)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}

export { freePort, startAuthNatsServer, type AuthNatsServer } from '@firstset/messaging/testing';
