import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { JetStreamManager } from '@nats-io/jetstream';
import { MESSAGING_TABLES_SQL } from '../sql';
import { Namespace } from '../namespace';

/** A fresh, unique namespace for one test run: `t` + 8 hex digits. */
export function testNamespace(): string {
  return `t${randomBytes(4).toString('hex')}`;
}

/** Creates `<prefix>_<random>` with the messaging tables in it; returns the schema name. */
export async function createTestSchema(pool: Pool, prefix = 'msg_test'): Promise<string> {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  await pool.query(MESSAGING_TABLES_SQL(schema));
  return schema;
}

export async function dropTestSchema(pool: Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** Deletes every stream of the namespace (`<ns>_*`), with their consumers. */
export async function deleteNamespaceStreams(jsm: JetStreamManager, namespace: string): Promise<string[]> {
  if (!namespace)
    throw new Error('deleteNamespaceStreams needs a namespace (refusing to delete every stream)');
  const prefix = new Namespace(namespace).stream('');
  const deleted: string[] = [];
  for await (const name of jsm.streams.names()) {
    if (name.startsWith(prefix)) {
      await jsm.streams.delete(name);
      deleted.push(name);
    }
  }
  return deleted;
}
