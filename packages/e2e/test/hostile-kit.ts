import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { http, HttpResult, schemaOf, sql, TestEnv } from '@firstset/testing';
import { SERVICES } from './platform';

/**
 * The hostile-input battery's kit: a case is one row (what is sent, by whom, what must come back),
 * and a footprint is everything a request could leave behind in one platform run: rows in every
 * table of every service's schema, files under the object store, and messages in every JetStream
 * stream of the run's namespace. A refused request must leave the footprint as it was.
 */

/** What the battery knows when it sends a case: the platform's address, tokens, ids made in set-up. */
export interface BatteryContext {
  baseUrl: string;
  tokens: Record<string, string>;
  ids: Record<string, string>;
}

export interface HostileCase {
  /** What the case sends and why it must be refused; cites the Measures ID when there is one. */
  name: string;
  /** Account that sends it (a demo username); none = anonymous. */
  as?: string;
  method: string;
  path: string | ((c: BatteryContext) => string);
  /** A JSON body (serialised with JSON.stringify). */
  body?: unknown | ((c: BatteryContext) => unknown);
  /** The body exactly as sent, for what JSON.stringify cannot write (malformed, huge numbers, depth). */
  raw?: string | Buffer | ((c: BatteryContext) => string | Buffer);
  headers?: Record<string, string>;
  /** Set up before sending (moving a clock) and undone after, whatever happened. */
  around?: { before: (c: BatteryContext) => Promise<void>; after: (c: BatteryContext) => Promise<void> };
  /** The answer expected: a 4xx status, and optionally the stable code and a refused field. */
  expect: { status: number; code?: string; field?: string };
}

const at = <T>(v: T | ((c: BatteryContext) => T), c: BatteryContext): T => (typeof v === 'function' ? (v as (c: BatteryContext) => T)(c) : v);

/** Sends one case and returns the answer. */
export async function send(c: BatteryContext, h: HostileCase): Promise<HttpResult> {
  const raw = h.raw === undefined ? undefined : at(h.raw, c);
  const body = h.body === undefined ? undefined : at(h.body, c);
  const token = h.as ? c.tokens[h.as] : undefined;
  if (Buffer.isBuffer(raw)) {
    const res = await fetch(`${c.baseUrl}${at(h.path, c)}`, {
      method: h.method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...h.headers },
      body: new Uint8Array(raw),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }
  return http(c.baseUrl, h.method, at(h.path, c), { token, body, raw, headers: h.headers });
}

/** What a request can leave behind. */
export interface Footprint {
  /** `schema.table` → row count; audit records by outcome (`audit_records:rejected`). */
  rows: Record<string, number>;
  /** Paths under the object store (objects and staged uploads). */
  files: string[];
  /** JetStream stream → messages. */
  messages: Record<string, number>;
}

async function tablesOf(env: TestEnv, schema: string): Promise<string[]> {
  const rows = await sql<{ table_name: string }>(
    env,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`,
    [schema],
  );
  return rows.map((r) => r.table_name);
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * The run's footprint. The audit log is counted by outcome: a refused command is audited as
 * `rejected` on purpose (traceable refusals), so only that count may grow.
 */
export async function footprint(env: TestEnv, objectStoreDir: string): Promise<Footprint> {
  const rows: Record<string, number> = {};
  for (const service of ['gateway', ...SERVICES]) {
    const schema = schemaOf(env, service);
    const tables = await tablesOf(env, schema);
    const counted = tables.filter((t) => t !== 'audit_records');
    const parts = counted.map((t, i) => `SELECT ${i} AS i, count(*)::int AS n FROM "${schema}"."${t}"`);
    if (parts.length) for (const r of await sql<{ i: number; n: number }>(env, parts.join(' UNION ALL '))) rows[`${schema}.${counted[r.i]}`] = r.n;
    if (tables.includes('audit_records')) {
      const audits = await sql<{ outcome: string; n: number }>(env, `SELECT outcome, count(*)::int AS n FROM "${schema}".audit_records GROUP BY 1`);
      for (const a of audits) rows[`${schema}.audit_records:${a.outcome}`] = a.n;
    }
  }
  const messages: Record<string, number> = {};
  const nc = await connect({ servers: env.natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const info of jsm.streams.list()) {
      if (info.config.name.startsWith(`${env.namespace}_`)) messages[info.config.name] = info.state.messages;
    }
  } finally {
    await nc.close();
  }
  return { rows, files: await filesUnder(objectStoreDir), messages };
}

/**
 * The footprint without what a refusal may add: its own `rejected` audit records, and a refused
 * sign-in's failure counter (the lockout counts every name, known or not, and forgets it a day later).
 */
export function withoutRejections(f: Footprint): Footprint {
  const refusalRecord = (k: string) => k.endsWith('audit_records:rejected') || k.endsWith('_gateway.sign_in_failures');
  return { ...f, rows: Object.fromEntries(Object.entries(f.rows).filter(([k]) => !refusalRecord(k))) };
}
