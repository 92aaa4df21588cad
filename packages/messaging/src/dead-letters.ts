import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient, JetStreamManager, JsMsg, StoredMsg } from '@nats-io/jetstream';
import { HEADER, headerText, type MessageMeta } from './headers';
import { isNotFound } from './streams';
import { DLQ_STREAM, Namespace } from './namespace';

/** One message a consumer gave up on, as an operator reads it (`npm run dlq -- list`). */
export interface DeadLetter {
  /** Its sequence in the dead-letter stream: what `show`, `replay` and `discard` take. */
  seq: number;
  time: string;
  service: string;
  consumer: string;
  reason: string;
  detail: string;
  /** The event's own subject (logical), where a replay publishes it again. */
  subject: string;
  eventId: string | undefined;
  requestId: string | undefined;
  originalStream: string;
  originalSequence: number;
  deliveries: number;
  bytes: number;
}

export type DeadLetterErrorCode = 'DEAD_LETTER_NOT_FOUND' | 'NOT_A_DEAD_LETTER';

export class DeadLetterError extends Error {
  constructor(
    readonly code: DeadLetterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeadLetterError';
  }
}

/**
 * Copies a message a consumer gave up on to `dlq.<service>.<subject>`, with its own headers and
 * why (the headers `DeadLetters` reads and a replay drops); returns the dead-letter subject.
 * Throws when JetStream did not take it (the caller keeps the message for redelivery).
 */
export async function publishDeadLetter(
  js: JetStreamClient,
  ns: Namespace,
  m: JsMsg,
  meta: MessageMeta,
  why: { service: string; durable: string; reason: string; detail: string },
): Promise<string> {
  const logical = ns.logical(m.subject);
  const dlqSubject = ns.subject(Namespace.dlqLogicalSubject(why.service, logical));
  const h = natsHeaders();
  for (const [k, values] of m.headers ?? []) {
    if (k.toLowerCase().startsWith('nats-')) continue;
    for (const v of values) h.append(k, v);
  }
  if (meta.eventId && !h.has(HEADER.eventId)) h.set(HEADER.eventId, headerText(meta.eventId, 200));
  h.set(HEADER.requestId, meta.requestId);
  h.set(HEADER.dlqReason, why.reason);
  h.set(HEADER.dlqDetail, headerText(why.detail));
  h.set(HEADER.dlqService, why.service);
  h.set(HEADER.dlqConsumer, why.durable);
  h.set(HEADER.dlqSubject, logical);
  h.set(HEADER.dlqStream, m.info.stream);
  h.set(HEADER.dlqSequence, String(m.seq));
  h.set(HEADER.dlqDeliveries, String(m.info.deliveryCount));
  await js.publish(dlqSubject, m.data, { headers: h, msgID: `${why.durable}:${m.info.stream}:${m.seq}` });
  return dlqSubject;
}

/** A replay goes only to a versioned event subject, never a wildcard or a command. */
const EVENT_SUBJECT = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.v[0-9]+$/;

/** Headers a replay drops: the dead-letter bookkeeping, and the server's own. */
const DLQ_HEADERS = new Set(
  [HEADER.dlqReason, HEADER.dlqDetail, HEADER.dlqConsumer, HEADER.dlqService, HEADER.dlqSubject, HEADER.dlqStream, HEADER.dlqSequence, HEADER.dlqDeliveries].map((h) =>
    h.toLowerCase(),
  ),
);

/**
 * The operator's view of the dead-letter stream (ADR 0036): list, read, replay to the event's own
 * subject, discard. A replay keeps the event id (`x-event-id`), so every consumer that already
 * applied the event drops it at its inbox and only the one that gave up applies it; it is published
 * under a new `Nats-Msg-Id`, so JetStream's duplicate window does not swallow it. The letter is
 * removed from the stream only after the event stream acknowledged the replay.
 */
export class DeadLetters {
  private readonly stream: string;

  constructor(
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly ns: Namespace = new Namespace(),
  ) {
    this.stream = ns.stream(DLQ_STREAM);
  }

  /** The oldest letters first, optionally of one service; `total` counts the stream's letters. */
  async list(options: { limit?: number; service?: string } = {}): Promise<{ total: number; letters: DeadLetter[] }> {
    const limit = options.limit ?? 50;
    const info = await this.jsm.streams.info(this.stream);
    const letters: DeadLetter[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0 && letters.length < limit; seq++) {
      const m = await this.get(seq).catch((err: unknown) => {
        if (err instanceof DeadLetterError) return undefined;
        throw err;
      });
      if (!m) continue;
      const letter = this.describe(m);
      if (!options.service || letter.service === options.service) letters.push(letter);
    }
    return { total: info.state.messages, letters };
  }

  /** One letter with its payload as stored (UTF-8 JSON for every platform event). */
  async show(seq: number): Promise<DeadLetter & { payload: string; headers: Record<string, string[]> }> {
    const m = await this.get(seq);
    const headers: Record<string, string[]> = {};
    for (const [k, v] of m.header ?? []) headers[k] = v;
    return { ...this.describe(m), payload: new TextDecoder().decode(m.data), headers };
  }

  /** Publishes the event again to its own subject, then removes the letter. */
  async replay(seq: number): Promise<{ seq: number; subject: string; eventId: string | undefined; stream: string; streamSeq: number }> {
    const m = await this.get(seq);
    const letter = this.describe(m);
    const h = natsHeaders();
    for (const [k, values] of m.header ?? []) {
      if (DLQ_HEADERS.has(k.toLowerCase()) || k.toLowerCase().startsWith('nats-')) continue;
      for (const v of values) h.append(k, v);
    }
    const ack = await this.js.publish(this.ns.subject(letter.subject), m.data, {
      headers: h,
      msgID: `${letter.eventId ?? `dlq-${seq}`}:replay:${seq}`,
    });
    await this.jsm.streams.deleteMessage(this.stream, seq, false);
    return { seq, subject: letter.subject, eventId: letter.eventId, stream: ack.stream, streamSeq: ack.seq };
  }

  /** Removes a letter without replaying it (it stays in the logs and, if audited, in the audit log). */
  async discard(seq: number): Promise<void> {
    await this.get(seq);
    await this.jsm.streams.deleteMessage(this.stream, seq, false);
  }

  private async get(seq: number): Promise<StoredMsg> {
    if (!Number.isSafeInteger(seq) || seq < 1) throw new DeadLetterError('DEAD_LETTER_NOT_FOUND', `"${seq}" is not a dead-letter sequence number`);
    let m: StoredMsg | null;
    try {
      m = await this.jsm.streams.getMessage(this.stream, { seq });
    } catch (err) {
      if (isNotFound(err) || /no message found/i.test((err as Error).message)) m = null;
      else throw err;
    }
    if (!m) throw new DeadLetterError('DEAD_LETTER_NOT_FOUND', `no dead letter ${seq} in ${this.stream}`);
    const subject = m.header?.get(HEADER.dlqSubject) ?? '';
    if (!EVENT_SUBJECT.test(subject) || !m.header?.get(HEADER.dlqService)) {
      throw new DeadLetterError('NOT_A_DEAD_LETTER', `message ${seq} of ${this.stream} carries no dead-letter headers; it cannot be replayed`);
    }
    return m;
  }

  private describe(m: StoredMsg): DeadLetter {
    const h = (name: string) => m.header?.get(name) || undefined;
    return {
      seq: m.seq,
      time: m.time.toISOString(),
      service: h(HEADER.dlqService) ?? '',
      consumer: h(HEADER.dlqConsumer) ?? '',
      reason: h(HEADER.dlqReason) ?? '',
      detail: h(HEADER.dlqDetail) ?? '',
      subject: h(HEADER.dlqSubject) ?? '',
      eventId: h(HEADER.eventId),
      requestId: h(HEADER.requestId),
      originalStream: h(HEADER.dlqStream) ?? '',
      originalSequence: Number(h(HEADER.dlqSequence) ?? 0),
      deliveries: Number(h(HEADER.dlqDeliveries) ?? 0),
      bytes: m.data.length,
    };
  }
}
