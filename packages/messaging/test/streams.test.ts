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
