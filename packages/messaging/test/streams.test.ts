import { ensureStreams, Namespace } from '../src';
import { TestEnv } from './support/env';

describe('streams: ensured idempotently from configuration in code', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await TestEnv.create();
  });
  afterAll(async () => {
    await env.close();
  });

  it('creates the namespaced stream and dead-letter stream once, then is a no-op, then applies an added subject', async () => {
    const ns = new Namespace(env.namespace);
    const spec = { name: 'INTAKE_EVENTS', subjects: ['intake.application.submitted.v1'] };

    const first = await ensureStreams(env.jsm, ns, [spec]);
    expect(first).toEqual([
      { stream: `${env.namespace}_DLQ`, action: 'created' },
      { stream: `${env.namespace}_INTAKE_EVENTS`, action: 'created' },
    ]);

    const second = await ensureStreams(env.jsm, ns, [spec]);
    expect(second.map((r) => r.action)).toEqual(['unchanged', 'unchanged']);

    const widened = { ...spec, subjects: [...spec.subjects, 'intake.application.withdrawn.v1'] };
    const third = await ensureStreams(env.jsm, ns, [widened]);
    expect(third.map((r) => r.action)).toEqual(['unchanged', 'updated']);

    const info = await env.jsm.streams.info(`${env.namespace}_INTAKE_EVENTS`);
    expect([...info.config.subjects].sort()).toEqual([
      `${env.namespace}.intake.application.submitted.v1`,
      `${env.namespace}.intake.application.withdrawn.v1`,
    ]);
    expect(info.config.storage).toBe('file');
    expect(info.config.retention).toBe('limits');
    expect(info.config.duplicate_window).toBe(120_000_000_000);

    const dlq = await env.jsm.streams.info(`${env.namespace}_DLQ`);
    expect(dlq.config.subjects).toEqual([`${env.namespace}.dlq.>`]);

    const fourth = await ensureStreams(env.jsm, ns, [widened]);
    expect(fourth.map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('applies a changed duplicate window', async () => {
    const ns = new Namespace(env.namespace);
    const spec = { name: 'WINDOW_EVENTS', subjects: ['window.thing.happened.v1'], duplicateWindowMs: 1000 };
    await ensureStreams(env.jsm, ns, [spec]);
    const r = await ensureStreams(env.jsm, ns, [{ ...spec, duplicateWindowMs: 2000 }]);
    expect(r[1]).toEqual({ stream: `${env.namespace}_WINDOW_EVENTS`, action: 'updated' });
    expect((await env.jsm.streams.info(`${env.namespace}_WINDOW_EVENTS`)).config.duplicate_window).toBe(
      2_000_000_000,
    );
  });

  it('bounds every stream by age and size, refusing new messages when full, and applies changed bounds (ADR 0036)', async () => {
    const ns = new Namespace(env.namespace);
    const spec = { name: 'LIMITS_EVENTS', subjects: ['limits.thing.happened.v1'] };
    await ensureStreams(env.jsm, ns, [spec]);
    const info = await env.jsm.streams.info(`${env.namespace}_LIMITS_EVENTS`);
    expect(info.config).toMatchObject({ num_replicas: 1, max_age: 90 * 86_400 * 1e9, max_bytes: 1024 ** 3, discard: 'new', storage: 'file' });
    const dlq = await env.jsm.streams.info(`${env.namespace}_DLQ`);
    expect(dlq.config).toMatchObject({ max_age: 0, max_bytes: 256 * 1024 ** 2, discard: 'new' });

    const r = await ensureStreams(env.jsm, ns, [spec], { LIMITS_EVENTS: { maxAgeMs: 86_400_000, maxBytes: 2 * 1024 ** 2 } });
    expect(r.map((x) => x.action)).toEqual(['unchanged', 'updated']);
    expect((await env.jsm.streams.info(`${env.namespace}_LIMITS_EVENTS`)).config).toMatchObject({ max_age: 86_400 * 1e9, max_bytes: 2 * 1024 ** 2 });

    // Full: the next message is refused (the relay keeps it in the outbox), none is dropped.
    const js = env.adminClient.js;
    const big = new Uint8Array(700 * 1024);
    await js.publish(`${env.namespace}.limits.thing.happened.v1`, big);
    await js.publish(`${env.namespace}.limits.thing.happened.v1`, big);
    await expect(js.publish(`${env.namespace}.limits.thing.happened.v1`, big)).rejects.toThrow(/maximum bytes|resource limits/i);
    expect((await env.jsm.streams.info(`${env.namespace}_LIMITS_EVENTS`)).state.messages).toBe(2);
  });

  it('refuses to move a stream to another storage in place, naming it', async () => {
    const ns = new Namespace(env.namespace);
    const spec = { name: 'STORED_EVENTS', subjects: ['stored.thing.happened.v1'] };
    await ensureStreams(env.jsm, ns, [spec]);
    await expect(ensureStreams(env.jsm, ns, [spec], { STORED_EVENTS: { storage: 'memory' } })).rejects.toThrow(
      new RegExp(`stream ${env.namespace}_STORED_EVENTS is stored in file but configured for memory`),
    );
  });

  it.each([
    ['a wildcard', 'intake.>'],
    ['a token wildcard', 'intake.*.submitted.v1'],
    ['an unversioned subject', 'intake.application.submitted'],
    ['a dead-letter subject', 'dlq.intake.thing.v1'],
  ])('refuses %s before touching NATS', async (_what, subject) => {
    const ns = new Namespace(env.namespace);
    await expect(ensureStreams(env.jsm, ns, [{ name: 'BAD_EVENTS', subjects: [subject] }])).rejects.toThrow();
    await expect(env.jsm.streams.info(`${env.namespace}_BAD_EVENTS`)).rejects.toThrow();
  });
});
