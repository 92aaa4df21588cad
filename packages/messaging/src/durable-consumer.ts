import { AckPolicy, DeliverPolicy, type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { ConsumerSettings } from './config';
import { isNotFound } from './streams';

/**
 * Creates a service's durable pull consumer on a stream, or brings its filter and ack wait up to
 * date; explicit acks, every message from the start, redelivery bounded by the package.
 */
export async function ensureDurable(
  jsm: JetStreamManager,
  stream: string,
  durable: string,
  filter: string,
  s: ConsumerSettings,
): Promise<void> {
  const wanted: Partial<ConsumerConfig> = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: filter,
    ack_wait: nanos(s.ackWaitMs),
    // Redelivery is bounded by the package (dead-letter after maxDeliver), not by the server,
    // which would otherwise drop the message silently after its own limit.
    max_deliver: -1,
    max_ack_pending: 1000,
  };
  try {
    const info = await jsm.consumers.info(stream, durable);
    if (info.config.filter_subject !== filter || info.config.ack_wait !== wanted.ack_wait) {
      await jsm.consumers.update(stream, durable, {
        filter_subject: filter,
        ack_wait: wanted.ack_wait,
      });
    }
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await jsm.consumers.add(stream, wanted);
  }
}
