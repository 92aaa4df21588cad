import { fork } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ensureStreams, EventConsumers, HEADER, Namespace, OutboxRelay } from '../src';
import type { PgExecutor } from '../src/testing';
import { ApplicationSubmittedV1 } from './support/contracts';
import { NATS_URL, PG_URL, TestEnv, waitFor } from './support/env';

interface ChildResult {
  signal: NodeJS.Signals | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

function runDyingService(
  env: TestEnv,
  mode: 'after-commit' | 'after-publish',
  applicationId: string,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'fixtures', 'append-then-die.ts'), [], {
      execArgv: ['-r', join(__dirname, 'support', 'swc-register.js')],
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        MODE: mode,
        DATABASE_URL: PG_URL,
        NATS_URL,
        NAMESPACE: env.namespace,
        DB_SCHEMA: env.schema,
        APPLICATION_ID: applicationId,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('outbox: a service killed around its commit loses no event and doubles none', () => {
  let env: TestEnv;
  const relays: OutboxRelay[] = [];
  let consumers: EventConsumers<PgExecutor> | undefined;

  beforeAll(async () => {
    env = await TestEnv.create();
    await env.pool.query(
      `CREATE TABLE ${env.table('effects')} (id bigserial PRIMARY KEY, application_id text NOT NULL)`,
    );
    await ensureStreams(env.jsm, new Namespace(env.namespace), [
      { name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject] },
    ]);
  });

  afterAll(async () => {
    await consumers?.stop();
    await Promise.all(relays.map((r) => r.stop()));
    await env.close();
  });

  async function rows(applicationId: string) {
    return (
      await env.pool.query(
        `SELECT id::text, published_at, attempts FROM ${env.table('outbox_events')} WHERE payload->>'applicationId' = $1`,
        [applicationId],
      )
    ).rows as Array<{ id: string; published_at: Date | null; attempts: number }>;
  }

  async function onStream(eventId: string): Promise<number> {
    return (await env.streamMessages('INTAKE_EVENTS')).filter((m) => m.header.get(HEADER.eventId) === eventId)
      .length;
  }

  it('killed after the commit and before publishing: a relay started later publishes the event once', async () => {
    const applicationId = `app-${randomUUID().slice(0, 8)}`;
    const child = await runDyingService(env, 'after-commit', applicationId);
    expect(child.stderr).toBe('');
    expect(child.signal).toBe('SIGKILL');
    const eventId = /committed ([0-9a-f-]{36})/.exec(child.stdout)?.[1];
    expect(eventId).toBeDefined();

    // The row is committed and unpublished; nothing reached the stream.
    expect(await rows(applicationId)).toEqual([{ id: eventId, published_at: null, attempts: 0 }]);
    expect(await onStream(eventId!)).toBe(0);

    // The service comes back (two instances, to show the claim is safe) and its relays catch up.
    for (let i = 0; i < 2; i++) {
      const r = new OutboxRelay(env.config({ relay: { intervalMs: 20 } }), await env.connect());
      relays.push(r);
      r.start();
    }
    await waitFor(async () => (await rows(applicationId))[0]?.published_at, 'the row published');
    expect(await onStream(eventId!)).toBe(1);
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  it('killed after JetStream acknowledged and before the row was marked: republished, stored once, applied once', async () => {
    const applicationId = `app-${randomUUID().slice(0, 8)}`;
    // A consumer downstream, so "applied once" is checked, not only "stored once".
    consumers = new EventConsumers<PgExecutor>(
      env.config({ serviceName: 'notify' }),
      await env.connect('notify'),
    );
    consumers.register(ApplicationSubmittedV1, {
      durable: 'notify-crash',
      handler: async (payload, tx) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO ${env.table('effects')} (application_id) VALUES ($1)`,
          payload.applicationId,
        );
      },
    });
    await consumers.start();

    const child = await runDyingService(env, 'after-publish', applicationId);
    expect(child.stderr).toBe('');
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).toContain('published, dying before marking');
    const eventId = /committed ([0-9a-f-]{36})/.exec(child.stdout)?.[1] ?? 'missing';

    // Published but not marked: the database still thinks it is pending.
    await waitFor(async () => (await onStream(eventId)) === 1, 'the event on the stream');
    const [before] = await rows(applicationId);
    expect(before.published_at).toBeNull();

    // The service comes back: its relay republishes the row, JetStream drops the duplicate.
    const relay = new OutboxRelay(env.config({ relay: { intervalMs: 20 } }), await env.connect());
    relays.push(relay);
    relay.start();
    await waitFor(async () => (await rows(applicationId))[0]?.published_at, 'the row published');
    expect(await onStream(eventId)).toBe(1);

    const stream = env.stream('INTAKE_EVENTS');
    await waitFor(async () => {
      const [si, ci] = await Promise.all([
        env.jsm.streams.info(stream),
        env.jsm.consumers.info(stream, 'notify-crash'),
      ]);
      return ci.num_pending === 0 && ci.num_ack_pending === 0 && ci.ack_floor.stream_seq >= si.state.last_seq;
    }, 'the consumer to settle');
    const effects = await env.pool.query(
      `SELECT count(*)::int AS n FROM ${env.table('effects')} WHERE application_id = $1`,
      [applicationId],
    );
    expect(effects.rows[0].n).toBe(1);
  });
});
