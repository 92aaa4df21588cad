import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { ActorContext, MessageContract, metaToHeaders } from '@firstset/messaging';
import { TestEnv } from '@firstset/testing';

/**
 * Publishes an event into the run's JetStream stream as another service's outbox relay would:
 * `x-event-id` is the inbox key, `Nats-Msg-Id` the stream's dedupe key (the same unless a test
 * wants a redelivery that JetStream does not drop).
 */
export async function publishEvent<T>(
  env: TestEnv,
  contract: MessageContract<T>,
  payload: T,
  opts: { eventId?: string; msgId?: string; actor?: ActorContext } = {},
): Promise<string> {
  const eventId = opts.eventId ?? randomUUID();
  const nc = await connect({ servers: env.natsUrl });
  try {
    const headers = metaToHeaders({ requestId: randomUUID(), actor: opts.actor, eventId, occurredAt: new Date().toISOString() });
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
      const info = await jsm.consumers.info(`${env.namespace}_${stream}`, durable);
      if (info.num_pending === 0 && info.num_ack_pending === 0) return;
      if (Date.now() > deadline) throw new Error(`${durable} still has messages after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await nc.close();
  }
}

/** Polls until `check` returns true (for effects that happen after a commit, like the relay). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
