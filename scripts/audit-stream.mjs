// The JetStream copy of the audit checkpoints (ADR 0027): stream AUDIT_CHECKPOINTS, one subject per
// schema, no delete or purge through the API, kept 400 days (beyond the six months 等保 asks for).
// Used by audit-checkpoint.mjs and audit-verify.mjs when AUDIT_CHECKPOINT_NATS=1; NATS_URL,
// NATS_USER/NATS_PASSWORD and NATS_NAMESPACE as for the services.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'packages', 'messaging', 'package.json'));
const { connect } = require('@nats-io/transport-node');
const {
  jetstream,
  jetstreamManager,
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
} = require('@nats-io/jetstream');

// The names the NATS permission table grants the checkpoint signer (packages/messaging, ADR 0013).
const { AUDIT_CHECKPOINT_STREAM, AUDIT_CHECKPOINT_SUBJECTS } = require(join(root, 'packages', 'messaging', 'dist', 'index.js'));
const ns = process.env.NATS_NAMESPACE ?? '';
export const STREAM = ns ? `${ns}_${AUDIT_CHECKPOINT_STREAM}` : AUDIT_CHECKPOINT_STREAM;
const SUBJECT = (schema) => `${ns ? `${ns}.` : ''}${AUDIT_CHECKPOINT_SUBJECTS.replace('>', schema)}`;
const DAY_NS = 24 * 60 * 60 * 1e9;

async function withJetStream(fn) {
  const nc = await connect({
    servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    ...(process.env.NATS_USER ? { user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD } : {}),
  });
  try {
    return await fn(await jetstreamManager(nc), jetstream(nc));
  } finally {
    await nc.close();
  }
}

async function ensureStream(jsm) {
  try {
    await jsm.streams.info(STREAM);
  } catch {
    await jsm.streams.add({
      name: STREAM,
      subjects: [SUBJECT('>')],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_age: 400 * DAY_NS,
      deny_delete: true,
      deny_purge: true,
      // A copy per node in a cluster (JETSTREAM_REPLICAS), as every event stream (ADR 0036).
      num_replicas: Number(process.env.JETSTREAM_REPLICAS || 1),
    });
  }
}

export const publishCheckpoints = (checkpoints) =>
  withJetStream(async (jsm, js) => {
    await ensureStream(jsm);
    for (const cp of checkpoints) await js.publish(SUBJECT(cp.schema), JSON.stringify(cp));
  });

/** Every checkpoint the stream holds (none when it does not exist). */
export const readStreamCheckpoints = () =>
  withJetStream(async (jsm, js) => {
    let info;
    try {
      info = await jsm.streams.info(STREAM);
    } catch {
      return [];
    }
    const total = info.state.messages;
    if (total === 0) return [];
    const consumer = await js.consumers.get(STREAM, {
      deliver_policy: DeliverPolicy.All,
      ack_policy: AckPolicy.None,
    });
    const out = [];
    const messages = await consumer.fetch({ max_messages: total, expires: 5000 });
    for await (const m of messages) {
      out.push(JSON.parse(m.string()));
      if (out.length >= total) break;
    }
    return out;
  });
