import {
  RetentionPolicy,
  StorageType,
  DiscardPolicy,
  type JetStreamManager,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { DLQ_STREAM, Namespace } from './namespace';
import { limitsOf, type StreamLimits, type StreamOverrides } from './stream-limits';

/**
 * A stream a service owns, in logical names. `subjects` is an explicit list of event subjects:
 * no wildcards, because a stream that captured a command subject would answer every request to
 * it with a PubAck instead of letting the handler reply.
 */
export interface StreamConfigSpec {
  name: string;
  subjects: string[];
  /** JetStream de-duplication window for `Nats-Msg-Id`, ms (default 120000). */
  duplicateWindowMs?: number;
  /** This stream's own replicas, age, size and storage; configuration (`StreamOverrides`) wins. */
  limits?: Partial<StreamLimits>;
}

export type StreamEnsureAction = 'created' | 'updated' | 'unchanged';

export interface StreamEnsureResult {
  /** Stream name on the wire (namespaced). */
  stream: string;
  action: StreamEnsureAction;
}

const DEFAULT_DUPLICATE_WINDOW_MS = 120_000;
const STREAM_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
const EVENT_SUBJECT = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.v[0-9]+$/;

export function checkStreamSpec(spec: StreamConfigSpec): void {
  if (!STREAM_NAME.test(spec.name)) throw new Error(`stream name "${spec.name}" must match ${STREAM_NAME}`);
  if (spec.name === DLQ_STREAM) throw new Error(`stream name "${DLQ_STREAM}" is reserved for dead letters`);
  if (spec.subjects.length === 0) throw new Error(`stream ${spec.name} needs at least one subject`);
  for (const s of spec.subjects) {
    if (!EVENT_SUBJECT.test(s)) {
      throw new Error(
        `stream ${spec.name}: subject "${s}" must be an explicit versioned event subject (no wildcards)`,
      );
    }
    if (s.startsWith('dlq.'))
      throw new Error(`stream ${spec.name}: subject "${s}" is in the dead-letter space`);
  }
  if (spec.duplicateWindowMs !== undefined && !(spec.duplicateWindowMs > 0)) {
    throw new Error(`stream ${spec.name}: duplicateWindowMs must be positive`);
  }
}

interface WireStream {
  name: string;
  subjects: string[];
  duplicateWindowNs: number;
  limits: StreamLimits;
}

function toWire(ns: Namespace, spec: StreamConfigSpec, overrides: StreamOverrides): WireStream {
  return {
    name: ns.stream(spec.name),
    subjects: [...new Set(spec.subjects)].map((s) => ns.subject(s)),
    duplicateWindowNs: nanos(spec.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS),
    limits: limitsOf(spec.name, spec.limits, overrides),
  };
}

function dlqWire(ns: Namespace, overrides: StreamOverrides): WireStream {
  return {
    name: ns.stream(DLQ_STREAM),
    subjects: ns.dlqStreamSubjects(),
    duplicateWindowNs: nanos(DEFAULT_DUPLICATE_WINDOW_MS),
    limits: limitsOf(DLQ_STREAM, undefined, overrides),
  };
}

/** The wire fields a stream's limits set; `discard: new` so a full stream refuses, never forgets. */
function limitFields(l: StreamLimits) {
  return {
    num_replicas: l.replicas,
    max_age: nanos(l.maxAgeMs),
    max_bytes: l.maxBytes,
    discard: DiscardPolicy.New,
  };
}

/**
 * Creates or updates the given streams and the namespace's dead-letter stream. Idempotent: a
 * second call with the same config changes nothing; a changed subject list, duplicate window,
 * replica count, age or size bound is applied with a stream update (the configured list replaces
 * the stored one). Limits retention. Storage cannot change in place: that is refused, naming the
 * stream (the operations guide says how to move one).
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  ns: Namespace,
  specs: StreamConfigSpec[],
  overrides: StreamOverrides = {},
): Promise<StreamEnsureResult[]> {
  specs.forEach(checkStreamSpec);
  const names = new Set<string>();
  for (const s of specs) {
    if (names.has(s.name)) throw new Error(`stream ${s.name} is configured twice`);
    names.add(s.name);
  }
  const results: StreamEnsureResult[] = [];
  for (const wire of [dlqWire(ns, overrides), ...specs.map((s) => toWire(ns, s, overrides))]) {
    results.push({ stream: wire.name, action: await ensureOne(jsm, wire) });
  }
  return results;
}

async function ensureOne(jsm: JetStreamManager, wire: WireStream): Promise<StreamEnsureAction> {
  let info = await findInfo(jsm, wire.name);
  if (!info) {
    try {
      await jsm.streams.add({
        name: wire.name,
        subjects: wire.subjects,
        storage: wire.limits.storage === 'memory' ? StorageType.Memory : StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: wire.duplicateWindowNs,
        ...limitFields(wire.limits),
      });
      return 'created';
    } catch (err) {
      // Another instance may have created it between our lookup and our add.
      info = await findInfo(jsm, wire.name);
      if (!info) throw err;
    }
  }
  if (info.config.storage !== wire.limits.storage) {
    throw new Error(
      `stream ${wire.name} is stored in ${info.config.storage} but configured for ${wire.limits.storage}: ` +
        'storage cannot change in place (docs/operations.md, "Moving a stream")',
    );
  }
  const current = [...info.config.subjects].sort();
  const wanted = [...wire.subjects].sort();
  const sameSubjects = current.length === wanted.length && current.every((s, i) => s === wanted[i]);
  const limits = limitFields(wire.limits);
  const sameLimits = (Object.keys(limits) as Array<keyof typeof limits>).every((k) => info.config[k] === limits[k]);
  if (sameSubjects && sameLimits && info.config.duplicate_window === wire.duplicateWindowNs) return 'unchanged';
  await jsm.streams.update(wire.name, { subjects: wire.subjects, duplicate_window: wire.duplicateWindowNs, ...limits });
  return 'updated';
}

async function findInfo(jsm: JetStreamManager, name: string): Promise<StreamInfo | undefined> {
  try {
    return await jsm.streams.info(name);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export function isNotFound(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return (
    err.name === 'StreamNotFoundError' ||
    err.name === 'ConsumerNotFoundError' ||
    code === 10059 ||
    code === 10014 ||
    /not found/i.test(err.message)
  );
}
