// How many copies of a stream JetStream keeps, for how long, how big it may grow and where it is
// stored: set per stream by configuration (R1 on one machine, R3 in a cluster; ADR 0036), never by
// editing code. `JETSTREAM_STREAMS` names streams by their logical names; `*` applies to all.
import { DLQ_STREAM } from './namespace';

export type StreamStorage = 'file' | 'memory';

export interface StreamLimits {
  /** Copies kept by the cluster: 1 on one server, 3 (or 5) in a cluster. */
  replicas: number;
  /** Messages older than this are removed, ms; 0 keeps them until the size bound. */
  maxAgeMs: number;
  /** The stream's size bound, bytes; when full, a new message is refused (never an old one dropped). */
  maxBytes: number;
  storage: StreamStorage;
}

/** Overrides by logical stream name, `*` for every stream, `DLQ` for the dead letters. */
export type StreamOverrides = Record<string, Partial<StreamLimits>>;

const DAY_MS = 86_400_000;
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/**
 * Event streams keep a quarter's events (far longer than any consumer is down) and at most 1 GiB;
 * the dead letters keep everything until an operator replays or purges them, within 256 MiB.
 */
export const EVENT_STREAM_DEFAULTS: StreamLimits = { replicas: 1, maxAgeMs: 90 * DAY_MS, maxBytes: GIB, storage: 'file' };
export const DLQ_STREAM_DEFAULTS: StreamLimits = { replicas: 1, maxAgeMs: 0, maxBytes: 256 * MIB, storage: 'file' };

/** The limits one stream gets: built-in defaults, then the code's own, then `*`, then its name. */
export function limitsOf(
  logicalName: string,
  own: Partial<StreamLimits> | undefined,
  overrides: StreamOverrides = {},
): StreamLimits {
  const base = logicalName === DLQ_STREAM ? DLQ_STREAM_DEFAULTS : EVENT_STREAM_DEFAULTS;
  const limits = { ...base, ...defined(own), ...defined(overrides['*']), ...defined(overrides[logicalName]) };
  checkLimits(logicalName, limits);
  return limits;
}

function defined(p: Partial<StreamLimits> | undefined): Partial<StreamLimits> {
  return Object.fromEntries(Object.entries(p ?? {}).filter(([, v]) => v !== undefined));
}

export function checkLimits(name: string, l: StreamLimits): void {
  if (!Number.isInteger(l.replicas) || l.replicas < 1 || l.replicas > 5) {
    throw new Error(`stream ${name}: replicas must be 1 to 5, got ${l.replicas}`);
  }
  if (!Number.isInteger(l.maxAgeMs) || l.maxAgeMs < 0) throw new Error(`stream ${name}: maxAge must be 0 or more`);
  if (!Number.isInteger(l.maxBytes) || l.maxBytes < MIB) throw new Error(`stream ${name}: maxBytes must be at least 1MiB`);
  if (l.storage !== 'file' && l.storage !== 'memory') throw new Error(`stream ${name}: storage must be file or memory`);
}

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS };
const SIZE = /^(\d+)(B|KiB|MiB|GiB|TiB)$/;
const SIZE_BYTES: Record<string, number> = { B: 1, KiB: 1024, MiB: MIB, GiB: GIB, TiB: 1024 * GIB };

/** `90d`, `12h`, `0` (unlimited) → ms. */
export function parseDuration(text: string): number {
  if (text === '0') return 0;
  const m = DURATION.exec(text);
  if (!m) throw new Error(`"${text}" is not a duration like 90d, 12h, 30m or 0`);
  return Number(m[1]) * DURATION_MS[m[2]];
}

/** `1GiB`, `256MiB` → bytes. */
export function parseSize(text: string): number {
  const m = SIZE.exec(text);
  if (!m) throw new Error(`"${text}" is not a size like 256MiB or 1GiB`);
  return Number(m[1]) * SIZE_BYTES[m[2]];
}

/**
 * The stream settings of the environment: `JETSTREAM_REPLICAS` (every stream) and
 * `JETSTREAM_STREAMS`, JSON by logical stream name, e.g.
 * `{"*":{"replicas":3},"INTAKE_EVENTS":{"maxAge":"180d","maxBytes":"4GiB"},"DLQ":{"maxBytes":"512MiB"}}`.
 * A stream name the platform does not have is refused: a typo must not go unnoticed.
 */
export function streamOverridesFromEnv(
  env: { JETSTREAM_REPLICAS?: string; JETSTREAM_STREAMS?: string },
  knownStreams: readonly string[],
): StreamOverrides {
  const overrides: StreamOverrides = {};
  const replicas = env.JETSTREAM_REPLICAS?.trim();
  if (replicas) {
    if (!/^[1-5]$/.test(replicas)) throw new Error('JETSTREAM_REPLICAS must be 1 to 5');
    overrides['*'] = { replicas: Number(replicas) };
  }
  const text = env.JETSTREAM_STREAMS?.trim();
  if (!text) return overrides;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('JETSTREAM_STREAMS must be JSON: {"<stream>|*|DLQ": {"replicas", "maxAge", "maxBytes", "storage"}}');
  }
  if (!isObject(parsed)) throw new Error('JETSTREAM_STREAMS must be a JSON object keyed by stream name');
  const names = new Set(['*', DLQ_STREAM, ...knownStreams]);
  for (const [name, raw] of Object.entries(parsed)) {
    if (!names.has(name)) throw new Error(`JETSTREAM_STREAMS: no stream "${name}" (known: ${[...names].join(', ')})`);
    if (!isObject(raw)) throw new Error(`JETSTREAM_STREAMS.${name} must be an object`);
    overrides[name] = { ...overrides[name], ...oneStream(name, raw) };
  }
  return overrides;
}

function oneStream(name: string, raw: Record<string, unknown>): Partial<StreamLimits> {
  const out: Partial<StreamLimits> = {};
  for (const [key, value] of Object.entries(raw)) {
    const where = `JETSTREAM_STREAMS.${name}.${key}`;
    try {
      if (key === 'replicas' && typeof value === 'number') out.replicas = value;
      else if (key === 'maxAge' && typeof value === 'string') out.maxAgeMs = parseDuration(value);
      else if (key === 'maxBytes' && typeof value === 'string') out.maxBytes = parseSize(value);
      else if (key === 'storage' && (value === 'file' || value === 'memory')) out.storage = value;
      else throw new Error('expected replicas: number, maxAge: "90d", maxBytes: "1GiB" or storage: "file"|"memory"');
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`, { cause: err });
    }
  }
  checkLimits(name, { ...EVENT_STREAM_DEFAULTS, ...out });
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
