import { randomUUID } from 'node:crypto';
import {
  EventConsumers,
  Namespace,
  NatsClient,
  Outbox,
  OutboxRelay,
  ensureStreams,
  streamOverridesFromEnv,
  type MessageMeta,
} from '../src';
import { startNatsCluster, type NatsCluster, type PgExecutor } from '../src/testing';
import { ApplicationSubmittedV1, submittedPayload } from './support/contracts';
import { TestEnv, sleep, waitFor } from './support/env';

const meta = (): MessageMeta => ({ requestId: randomUUID() });
const EVENTS = 120;

// The production cluster configuration (infra/nats/cluster/cluster.conf), three local processes.
describe('a three-node JetStream cluster: replicated streams lose nothing when a node is killed (ADR 0036)', () => {
  let env: TestEnv;
  let cluster: NatsCluster;
  const clients: NatsClient[] = [];
  const overrides = streamOverridesFromEnv(
    { JETSTREAM_REPLICAS: '3', JETSTREAM_STREAMS: '{"INTAKE_EVENTS":{"maxAge":"30d","maxBytes":"64MiB"},"DLQ":{"maxBytes":"16MiB"}}' },
    ['INTAKE_EVENTS'],
  );
  const spec = { name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject] };

  const connect = async (serviceName: string) => {
    const c = await NatsClient.connect(env.config({ serviceName, natsUrl: cluster.urls }));
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    env = await TestEnv.create();
    cluster = await startNatsCluster(3);
    await env.pool.query(`CREATE TABLE ${env.table('effects')} (event_id uuid NOT NULL, application_id text NOT NULL)`);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.drain()));
    await cluster?.stop();
    await env.close();
  });

  it('creates the event and dead-letter streams with three replicas on three nodes and the configured bounds', async () => {
    const admin = await connect('intake');
    const results = await ensureStreams(admin.jsm, new Namespace(env.namespace), [spec], overrides);
    expect(results.map((r) => r.action)).toEqual(['created', 'created']);

    const info = await admin.jsm.streams.info(env.stream('INTAKE_EVENTS'));
    expect(info.config.num_replicas).toBe(3);
    expect(info.config.max_age).toBe(30 * 86_400 * 1e9);
    expect(info.config.max_bytes).toBe(64 * 1024 ** 2);
    expect(info.config.discard).toBe('new');
    const placed = [info.cluster?.leader, ...(info.cluster?.replicas ?? []).map((r) => r.name)].sort();
    expect(placed).toEqual([...cluster.names].sort());

    const dlq = await admin.jsm.streams.info(env.stream('DLQ'));
    expect(dlq.config.num_replicas).toBe(3);
    expect(dlq.config.max_bytes).toBe(16 * 1024 ** 2);
    expect(dlq.config.max_age).toBe(0);

    // Configured again, nothing changes; a new bound is applied in place.
    expect((await ensureStreams(admin.jsm, new Namespace(env.namespace), [spec], overrides)).map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
    const widened = { ...overrides, INTAKE_EVENTS: { ...overrides.INTAKE_EVENTS, maxBytes: 128 * 1024 ** 2 } };
    expect((await ensureStreams(admin.jsm, new Namespace(env.namespace), [spec], widened)).map((r) => r.action)).toEqual(['unchanged', 'updated']);
    expect((await admin.jsm.streams.info(env.stream('INTAKE_EVENTS'))).config.max_bytes).toBe(128 * 1024 ** 2);
    await ensureStreams(admin.jsm, new Namespace(env.namespace), [spec], overrides);
  });

  it('relays and applies every event exactly once while the stream leader is killed -9 and restarted', async () => {
    const admin = await connect('intake');
    const config = env.config({ natsUrl: cluster.urls, relay: { intervalMs: 20, batchSize: 10, publishTimeoutMs: 1000, maxBackoffMs: 500 } });
    const relay = new OutboxRelay(config, await connect('intake'));
    const consumers = new EventConsumers<PgExecutor>(env.config({ serviceName: 'notify', natsUrl: cluster.urls }), await connect('notify'));
    consumers.register(ApplicationSubmittedV1, {
      durable: 'notify-cluster',
      handler: async (payload, tx, m) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO ${env.table('effects')} (event_id, application_id) VALUES ($1::uuid, $2)`,
          m.eventId,
          payload.applicationId,
        );
      },
    });
    await consumers.start();
    relay.start();
    const outbox = new Outbox(config);

    let killed: number | undefined;
    for (let i = 0; i < EVENTS; i++) {
      await env.runner((tx) => outbox.append(tx, ApplicationSubmittedV1, submittedPayload(`app-${i}`), meta()));
      if (i === EVENTS / 3) {
        const leader = (await admin.jsm.streams.info(env.stream('INTAKE_EVENTS'))).cluster?.leader;
        killed = cluster.names.indexOf(leader!);
        expect(killed).toBeGreaterThanOrEqual(0);
        cluster.kill(killed);
      }
      await sleep(5);
    }
    expect(cluster.running(killed!)).toBe(false);
    await waitFor(
      async () => (await env.pool.query(`SELECT count(*)::int AS n FROM ${env.table('outbox_events')} WHERE published_at IS NULL`)).rows[0].n === 0,
      'every outbox row published with one node down',
      60_000,
    );
    await cluster.restart(killed!);

    const stream = env.stream('INTAKE_EVENTS');
    await waitFor(async () => {
      const si = await admin.jsm.streams.info(stream);
      return si.state.messages === EVENTS && (si.cluster?.replicas ?? []).every((r) => r.current);
    }, 'the restarted node to catch up', 60_000);
    await waitFor(
      async () => (await env.pool.query(`SELECT count(*)::int AS n FROM ${env.table('effects')}`)).rows[0].n >= EVENTS,
      'every event applied',
      60_000,
    );
    const { rows } = await env.pool.query(
      `SELECT count(*)::int AS applied, count(DISTINCT event_id)::int AS distinct_events, count(DISTINCT application_id)::int AS applications FROM ${env.table('effects')}`,
    );
    expect(rows[0]).toEqual({ applied: EVENTS, distinct_events: EVENTS, applications: EVENTS });
    await relay.stop();
    await consumers.stop();
  }, 240_000);
});
