import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';

/** Who acts, as the gateway established it. Travels with every command, query and event. */
export interface ActorContext {
  userId: string;
  role: string;
  displayName?: string;
  prefectureId?: string;
  enterpriseUscc?: string;
  institutionId?: string;
  expertId?: string;
}

export interface MessageMeta {
  requestId: string;
  actor?: ActorContext;
  idempotencyKey?: string;
  /**
   * With an Idempotency-Key: SHA-256 of the command's payload as canonical JSON, set by `RpcServer`
   * on arrival (never sent), so that the key reused with another body is told apart from a retry.
   */
  requestHash?: string;
  /** Set on events: the outbox row id, also the JetStream `Nats-Msg-Id`. */
  eventId?: string;
  /** Set on events: ISO-8601 time the event was appended. */
  occurredAt?: string;
}

export const HEADER = {
  requestId: 'x-request-id',
  actor: 'x-actor',
  idempotencyKey: 'x-idempotency-key',
  eventId: 'x-event-id',
  occurredAt: 'x-occurred-at',
  natsMsgId: 'Nats-Msg-Id',
  dlqReason: 'x-dlq-reason',
  dlqDetail: 'x-dlq-detail',
  dlqConsumer: 'x-dlq-consumer',
  dlqService: 'x-dlq-service',
  dlqSubject: 'x-dlq-original-subject',
  dlqStream: 'x-dlq-original-stream',
  dlqSequence: 'x-dlq-original-sequence',
  dlqDeliveries: 'x-dlq-deliveries',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}

/** The meta headers as a plain map (what the outbox stores in `headers`). */
export function metaToRecord(meta: MessageMeta): Record<string, string> {
  const out: Record<string, string> = { [HEADER.requestId]: meta.requestId };
  if (meta.actor) out[HEADER.actor] = asciiJson(meta.actor);
  if (meta.idempotencyKey) out[HEADER.idempotencyKey] = meta.idempotencyKey;
  if (meta.eventId) out[HEADER.eventId] = meta.eventId;
  if (meta.occurredAt) out[HEADER.occurredAt] = meta.occurredAt;
  return out;
}

export function recordToHeaders(record: Record<string, string>, into: MsgHdrs = natsHeaders()): MsgHdrs {
  for (const [k, v] of Object.entries(record)) {
    if (typeof v === 'string' && v !== '') into.set(k, sanitize(v));
  }
  return into;
}

export function metaToHeaders(meta: MessageMeta): MsgHdrs {
  return recordToHeaders(metaToRecord(meta));
}

/**
 * Reads meta from message headers. A missing request id gets a fresh one (so log lines stay
 * correlatable); an unreadable actor is dropped (the handler then sees no actor and refuses).
 */
export function metaFromHeaders(h: MsgHdrs | undefined): MessageMeta {
  const get = (k: string): string | undefined => {
    const v = h?.get(k);
    return v ? v : undefined;
  };
  const meta: MessageMeta = { requestId: get(HEADER.requestId) ?? randomUUID() };
  const actor = parseActor(get(HEADER.actor));
  if (actor) meta.actor = actor;
  const idem = get(HEADER.idempotencyKey);
  if (idem) meta.idempotencyKey = idem;
  const eventId = get(HEADER.eventId) ?? get(HEADER.natsMsgId);
  if (eventId) meta.eventId = eventId;
  const occurredAt = get(HEADER.occurredAt);
  if (occurredAt) meta.occurredAt = occurredAt;
  return meta;
}

export function parseActor(raw: string | undefined): ActorContext | undefined {
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (!v || typeof v !== 'object') return undefined;
    const o = v as Record<string, unknown>;
    if (typeof o.userId !== 'string' || typeof o.role !== 'string') return undefined;
    const actor: ActorContext = { userId: o.userId, role: o.role };
    for (const k of ['displayName', 'prefectureId', 'enterpriseUscc', 'institutionId', 'expertId'] as const) {
      if (typeof o[k] === 'string') actor[k] = o[k];
    }
    return actor;
  } catch {
    return undefined;
  }
}

/** JSON with every non-ASCII character escaped, so header values stay 7-bit (names are Chinese). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Header values cannot carry CR/LF; errors and reasons are flattened to one bounded line. */
export function headerText(value: string, max = 512): string {
  const flat = sanitize(value);
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

function sanitize(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
