import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { ActorContext, MessageContract, metaToHeaders } from '@firstset/messaging';
import { TestEnv } from './test-env';

/**
 * Publishes an event into the run's JetStream stream as its producer's outbox relay would:
 * `x-event-id` is the inbox key, `Nats-Msg-Id` the stream's de-duplication key (the same unless
 * a test wants a redelivery that JetStream must not drop: pass another `msgId`).
 */
export async function publishEvent<T>(
  env: TestEnv,
  contract: MessageContract<T>,
  payload: T,
  opts: { eventId?: string; msgId?: string; actor?: ActorContext; occurredAt?: string } = {},
): Promise<string> {
  const eventId = opts.eventId ?? randomUUID();
  const nc = await connect({ servers: env.natsUrl });
  try {
    const headers = metaToHeaders({ requestId: randomUUID(), actor: opts.actor, eventId, occurredAt: opts.occurredAt ?? new Date().toISOString() });
    await jetstream(nc).publish(`${env.namespace}.${contract.subject}`, JSON.stringify(payload), {
      msgID: opts.msgId ?? eventId,
      headers,
    });
    return eventId;
  } finally {
    await nc.close();
  }
}

/** Waits until a durable consumer has nothing pending or unacknowledged. */
export async function waitUntilConsumed(env: TestEnv, stream: string, durable: string, timeoutMs = 10_000): Promise<void> {
  const nc = await connect({ servers: env.natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // A consumer whose creation timed out at start (a loaded machine) is retried by the service:
      // wait for it too, within the same deadline.
      const info = await jsm.consumers.info(`${env.namespace}_${stream}`, durable).catch((e: Error) => {
        if (/consumer not found/i.test(e.message) && Date.now() <= deadline) return undefined;
        throw e;
      });
      if (info && info.num_pending === 0 && info.num_ack_pending === 0) return;
      if (Date.now() > deadline) throw new Error(`${durable} still has messages after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await nc.close();
  }
}

/**
 * Polls `probe` until `check` accepts its value (by default: until it is truthy) and returns it:
 * for effects that cross a commit and a bus, like a consumer's or the relay's.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean = Boolean,
  opts: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  let last: T;
  for (;;) {
    last = await probe();
    if (check(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${opts.what ?? 'a condition'}; last: ${JSON.stringify(last)?.slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
