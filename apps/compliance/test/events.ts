import { randomUUID } from 'node:crypto';
import { MessageContract, metaToHeaders, NatsClient } from '@firstset/messaging';
import { RunningService } from '@firstset/testing';

/**
 * Publishes an event into the run's JetStream as its producer's outbox relay would (event id in
 * the headers). Publishing the same `eventId` twice is a redelivery: the inbox must skip it.
 */
export async function publishEvent<T>(
  svc: RunningService,
  contract: MessageContract<T>,
  payload: T,
  eventId: string = randomUUID(),
): Promise<string> {
  const nats = svc.app.get(NatsClient);
  const headers = metaToHeaders({ requestId: randomUUID(), eventId, occurredAt: new Date().toISOString() });
  await nats.js.publish(nats.ns.subject(contract.subject), JSON.stringify(payload), { headers });
  return eventId;
}

/** Polls until `probe` returns a truthy value (the consumer has committed), or fails after 10 s. */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
