import { randomUUID } from 'node:crypto';
import {
  ensureStreams,
  HEADER,
  InvalidEventError,
  Namespace,
  Outbox,
  OutboxRelay,
  type MessageMeta,
} from '../src';
import { ApplicationSubmittedV1, ApplicationWithdrawnV1, submittedPayload } from './support/contracts';
import { logs, TestEnv, waitFor } from './support/env';

const meta = (): MessageMeta => ({
  requestId: randomUUID(),
  actor: { userId: 'u-7', role: 'enterprise', displayName: '张三', enterpriseUscc: '91150100MA0N1234XY' },
});

describe('outbox and relay: events written with the state change, published after commit', () => {
  let env: TestEnv;
  let outbox: Outbox;
  const relays: OutboxRelay[] = [];

  async function relay(intervalMs = 50): Promise<OutboxRelay> {
    const r = new OutboxRelay(
      env.config({ relay: { intervalMs, batchSize: 5, maxBackoffMs: 400 } }),
      await env.connect(),
    );
    relays.push(r);
    return r;
  }

  async function outboxRows(): Promise<
    Array<{
      id: string;
      subject: string;
      published_at: Date | null;
      attempts: number;
      last_error: string | null;
    }>
  > {
    return (await env.pool.query(`SELECT * FROM ${env.table('outbox_events')} ORDER BY occurred_at, id`))
      .rows;
  }

  beforeAll(async () => {
    env = await TestEnv.create();
    await ensureStreams(env.jsm, new Namespace(env.namespace), [
      { name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject] },
    ]);
    outbox = new Outbox(env.config());
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await env.pool.query(`DELETE FROM ${env.table('outbox_events')}`);
    await env.jsm.streams.purge(env.stream('INTAKE_EVENTS'));
  });

  afterAll(async () => {
    await env.close();
    expect(logs.withoutRequestId()).toEqual([]);
  });

  it('writes nothing when the caller rolls back, and refuses an invalid payload', async () => {
    await expect(
      env.runner(async (tx) => {
        await outbox.append(tx, ApplicationSubmittedV1, submittedPayload('app-rolled-back'), meta());
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const bad = { ...submittedPayload('app-bad'), batchYear: 1999, extra: 'x' };
    const err = await env
      .runner((tx) => outbox.append(tx, ApplicationSubmittedV1, bad, meta()))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidEventError);
    expect((err as InvalidEventError).errors.map((e) => e.field).sort()).toEqual(['batchYear', 'extra']);
    expect(await outboxRows()).toEqual([]);
  });

  it('publishes a committed event with Nats-Msg-Id = event id and the meta headers, and marks it published', async () => {
    const r = await relay(60_000); // no polling: only the nudge publishes
    r.start();
    const m = meta();
    const id = await env.runner((tx) =>
      outbox.append(tx, ApplicationSubmittedV1, submittedPayload('app-1'), m),
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    r.nudge();
    const [msg] = await waitFor(async () => {
      const msgs = await env.streamMessages('INTAKE_EVENTS');
      return msgs.length ? msgs : undefined;
    }, 'the event on the stream');
    expect(msg.subject).toBe(`${env.namespace}.${ApplicationSubmittedV1.subject}`);
    expect(msg.header.get(HEADER.natsMsgId)).toBe(id);
    expect(msg.header.get(HEADER.eventId)).toBe(id);
    expect(msg.header.get(HEADER.requestId)).toBe(m.requestId);
    expect(JSON.parse(msg.header.get(HEADER.actor))).toEqual(m.actor);
    expect(msg.header.get(HEADER.occurredAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(msg.json()).toEqual(submittedPayload('app-1'));
    const [row] = await waitFor(async () => {
      const rows = await outboxRows();
      return rows[0]?.published_at ? rows : undefined;
    }, 'the row marked published');
    expect(row.attempts).toBe(1);
  });

  it('publishes events in the order they were appended, including several in one transaction', async () => {
    const ids = await env.runner(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 12; i++)
        out.push(await outbox.append(tx, ApplicationSubmittedV1, submittedPayload(`app-o${i}`), meta()));
      return out;
    });
    const r = await relay();
    while ((await r.publishBatch()).published > 0);
    const msgs = await env.streamMessages('INTAKE_EVENTS');
    expect(msgs.map((m) => m.header.get(HEADER.eventId))).toEqual(ids);
  });

  it('lets several relays run side by side and publishes every event exactly once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 60; i++) {
      ids.add(
        await env.runner((tx) =>
          outbox.append(tx, ApplicationSubmittedV1, submittedPayload(`app-p${i}`), meta()),
        ),
      );
    }
    const [a, b, c] = [await relay(10), await relay(10), await relay(10)];
    const published = { a: 0, b: 0, c: 0 };
    const drain = async (r: OutboxRelay, k: keyof typeof published) => {
      for (;;) {
        const n = (await r.publishBatch()).published;
        if (n === 0) return;
        published[k] += n;
      }
    };
    await Promise.all([drain(a, 'a'), drain(b, 'b'), drain(c, 'c')]);
    expect(published.a + published.b + published.c).toBe(60);
    const msgs = await env.streamMessages('INTAKE_EVENTS');
    expect(msgs).toHaveLength(60);
    expect(new Set(msgs.map((m) => m.header.get(HEADER.eventId)))).toEqual(ids);
    expect((await outboxRows()).every((row) => row.published_at !== null)).toBe(true);
  });

  it('holds back the later events of an application behind its failed one; other applications go on', async () => {
    await ensureStreams(env.jsm, new Namespace(env.namespace), [{ name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject] }]);
    const r = await relay(50);
    // Application A: a withdrawal the stream does not take yet, then a submission; B: a submission.
    const [failing, heldBack, other] = await env.runner(async (tx) => [
      await outbox.append(tx, ApplicationWithdrawnV1, { applicationId: 'app-a' }, meta()),
      await outbox.append(tx, ApplicationSubmittedV1, submittedPayload('app-a'), meta()),
      await outbox.append(tx, ApplicationSubmittedV1, submittedPayload('app-b'), meta()),
    ]);
    expect(await r.publishBatch()).toEqual({ published: 1, failed: 1 });
    const rows = new Map((await outboxRows()).map((x) => [x.id, x]));
    expect([rows.get(failing)!.attempts, rows.get(failing)!.published_at]).toEqual([1, null]);
    expect([rows.get(heldBack)!.attempts, rows.get(heldBack)!.published_at]).toEqual([0, null]);
    expect(rows.get(other)!.published_at).not.toBeNull();

    await ensureStreams(env.jsm, new Namespace(env.namespace), [
      { name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject, ApplicationWithdrawnV1.subject] },
    ]);
    expect(await r.publishBatch()).toEqual({ published: 2, failed: 0 });
    const msgs = await env.streamMessages('INTAKE_EVENTS');
    expect(msgs.map((m) => m.header.get(HEADER.eventId))).toEqual([other, failing, heldBack]);
    // As the other tests expect it: withdrawals not taken.
    await ensureStreams(env.jsm, new Namespace(env.namespace), [{ name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject] }]);
  });

  it('records a failed publish, backs off, and publishes once the stream exists', async () => {
    const r = await relay(50);
    r.start();
    const id = await env.runner((tx) =>
      outbox.append(tx, ApplicationWithdrawnV1, { applicationId: 'app-w' }, meta()),
    );
    r.nudge();
    const failed = await waitFor(async () => {
      const [row] = await outboxRows();
      return row && row.attempts >= 2 ? row : undefined;
    }, 'two failed attempts');
    expect(failed.published_at).toBeNull();
    expect(failed.last_error).toBeTruthy();
    // The owning service deploys the subject: the relay's next retry goes through.
    await ensureStreams(env.jsm, new Namespace(env.namespace), [
      { name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject, ApplicationWithdrawnV1.subject] },
    ]);
    const row = await waitFor(async () => {
      const [x] = await outboxRows();
      return x?.published_at ? x : undefined;
    }, 'the row published after the retry');
    expect(row.last_error).toBeNull();
    const msgs = await env.streamMessages('INTAKE_EVENTS');
    expect(msgs.map((m) => m.header.get(HEADER.eventId))).toEqual([id]);
  });

  it('stops cleanly: no publication after stop()', async () => {
    const r = await relay(20);
    r.start();
    await r.stop();
    await env.runner((tx) =>
      outbox.append(tx, ApplicationSubmittedV1, submittedPayload('app-stopped'), meta()),
    );
    r.nudge();
    await new Promise((res) => setTimeout(res, 200));
    expect((await outboxRows())[0].published_at).toBeNull();
    expect(await env.streamMessages('INTAKE_EVENTS')).toEqual([]);
  });
});
