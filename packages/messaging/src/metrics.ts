import { Counter, Gauge, Histogram, register, type Metric } from 'prom-client';

/**
 * The package can be loaded twice in one process (its build and its sources, in tests and
 * scripts) while prom-client's registry is one: a metric is made once and shared, and so are the
 * scrape-time probes (on globalThis), so whichever copy registered a relay is read at the scrape.
 */
function once<M extends Metric>(name: string, make: () => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? make();
}

/**
 * The bus's Prometheus metrics (ADR 0037), in prom-client's default registry, which each service
 * exposes at `/metrics` on its health port. Names are referenced by infra/grafana and
 * infra/prometheus; a test checks that every name used there is registered here or in service-kit.
 */

/** Seconds: a query answers in milliseconds, a command with a transaction in tens; 10 s is the client deadline. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const rpcServerDuration = once('messaging_rpc_server_duration_seconds', () =>
  new Histogram({
    name: 'messaging_rpc_server_duration_seconds',
    help: 'Time from a NATS request arriving to its reply, per subject and outcome (ok, error, refused).',
    labelNames: ['service', 'subject', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
  }),
);

export const rpcClientDuration = once('messaging_rpc_client_duration_seconds', () =>
  new Histogram({
    name: 'messaging_rpc_client_duration_seconds',
    help: 'Time the caller waited for a NATS request, per subject and outcome (ok, error, unavailable).',
    labelNames: ['subject', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
  }),
);

export const eventsPublished = once('messaging_outbox_published_total', () =>
  new Counter({
    name: 'messaging_outbox_published_total',
    help: 'Outbox rows published to JetStream.',
    labelNames: ['service'] as const,
  }),
);

export const publishFailures = once('messaging_outbox_publish_failures_total', () =>
  new Counter({
    name: 'messaging_outbox_publish_failures_total',
    help: 'Outbox rows whose publish failed (retried with backoff).',
    labelNames: ['service'] as const,
  }),
);

export const redeliveries = once('messaging_event_redeliveries_total', () =>
  new Counter({
    name: 'messaging_event_redeliveries_total',
    help: 'Events delivered to a consumer more than once (after a nak, an ack wait or a lost ack).',
    labelNames: ['service', 'durable'] as const,
  }),
);

export const deadLetters = once('messaging_dead_letters_total', () =>
  new Counter({
    name: 'messaging_dead_letters_total',
    help: 'Events copied to the dead-letter stream, per consumer and reason.',
    labelNames: ['service', 'durable', 'reason'] as const,
  }),
);

/** Something that can say, at scrape time, how much is waiting (an outbox, a consumer). */
type Probe = () => Promise<void>;
const shared = globalThis as typeof globalThis & { [PROBES]?: { outbox: Set<Probe>; consumer: Set<Probe> } };
const PROBES = Symbol.for('@firstset/messaging/metrics-probes');
const probes = (shared[PROBES] ??= { outbox: new Set<Probe>(), consumer: new Set<Probe>() });
const outboxProbes = probes.outbox;
const consumerProbes = probes.consumer;

const inFlight = new Map<Set<Probe>, Promise<void>>();

/**
 * Runs the probes once per scrape: the registry collects its metrics concurrently, and two gauges
 * fed by one query share the run. One slow or failing source must not fail the scrape: its gauges
 * keep their last value.
 */
function runAll(probes: Set<Probe>): Promise<void> {
  let run = inFlight.get(probes);
  if (!run) {
    run = Promise.all([...probes].map((p) => p().catch(() => undefined))).then(() => {
      inFlight.delete(probes);
    });
    inFlight.set(probes, run);
  }
  return run;
}

export const outboxPending = once('messaging_outbox_unpublished_events', () =>
  new Gauge({
    name: 'messaging_outbox_unpublished_events',
    help: 'Outbox rows not yet published, read at scrape time.',
    labelNames: ['service'] as const,
    async collect() {
      await runAll(outboxProbes);
    },
  }),
);

export const outboxOldestAge = once('messaging_outbox_oldest_unpublished_age_seconds', () =>
  new Gauge({
    name: 'messaging_outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest unpublished outbox row (0 when none), read at scrape time.',
    labelNames: ['service'] as const,
    async collect() {
      await runAll(outboxProbes);
    },
  }),
);

export const consumerPending = once('messaging_consumer_pending_messages', () =>
  new Gauge({
    name: 'messaging_consumer_pending_messages',
    help: 'Messages in the stream the durable consumer has not yet been delivered (num_pending).',
    labelNames: ['service', 'durable'] as const,
    async collect() {
      await runAll(consumerProbes);
    },
  }),
);

export const consumerAckPending = once('messaging_consumer_ack_pending_messages', () =>
  new Gauge({
    name: 'messaging_consumer_ack_pending_messages',
    help: 'Messages delivered to the durable consumer and not yet acknowledged (num_ack_pending).',
    labelNames: ['service', 'durable'] as const,
    async collect() {
      await runAll(consumerProbes);
    },
  }),
);

/** Registers a scrape-time probe; returns its removal. */
export function onScrape(kind: 'outbox' | 'consumer', probe: Probe): () => void {
  const set = kind === 'outbox' ? outboxProbes : consumerProbes;
  set.add(probe);
  return () => set.delete(probe);
}

export { register as metricsRegistry, once as registeredOnce };
