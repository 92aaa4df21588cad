// Configuration of the Prisma 6.19 CLI in its driver-adapter mode, whose schema engine is
// WebAssembly (no native download). Used only to author migrations and to check drift; the
// services apply migrations with @firstset/persistence's runner. See docs/adr/0003-prisma-offline.md.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { createRequire } from 'node:module';

// @prisma/adapter-pg 7.10.1 cannot deserialize PostgreSQL's internal "char" type (oid 18, e.g.
// pg_constraint.confdeltype, met as soon as a foreign key exists): read it as text (oid 25).
const pgResult = createRequire(require.resolve('@prisma/adapter-pg'))('pg/lib/result');
const addFields = pgResult.prototype.addFields;
pgResult.prototype.addFields = function (fields: Array<{ dataTypeID: number }>) {
  for (const f of fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
  return addFields.call(this, fields);
};

// Discrete fields, not a connection string: pg lets a connection string override `database`,
// which would point the shadow database at the real one.
const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const base = {
  host: url.hostname,
  port: Number(url.port || 5432),
  user: decodeURIComponent(url.username || 'postgres'),
  password: url.password ? decodeURIComponent(url.password) : undefined,
  database: url.pathname.slice(1) || 'postgres',
  allowExitOnIdle: true,
};

// The adapter's own shadow-database release drops the database before closing its pool (the
// drop fails and the database leaks); this one closes first, then drops.
async function connectToShadowDb() {
  const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
  const admin = await new PrismaPg(base).connect();
  await admin.executeScript(`CREATE DATABASE "${name}"`);
  const shadow = await new PrismaPg({ ...base, database: name }).connect();
  const dispose = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await dispose();
    await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.dispose();
  };
  return shadow;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: process.env.FIRSTSET_PRISMA_SCHEMA ?? 'prisma/schema.prisma',
  async adapter() {
    return Object.assign(new PrismaPg(base), { connectToShadowDb });
  },
});
