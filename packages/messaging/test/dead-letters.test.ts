import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { DeadLetterError, DeadLetters, EventConsumers, HEADER, Namespace, Outbox, OutboxRelay, ensureStreams } from '../src';
import type { PgExecutor } from '../src/testing';
import { ApplicationSubmittedV1, submittedPayload } from './support/contracts';
import { NATS_URL, TestEnv, waitFor } from './support/env';

const run = promisify(execFile);
const DLQ_CLI = join(__dirname, '..', '..', '..', 'scripts', 'dlq.mjs');

describe('dead letters: an operator lists, reads, replays and discards them (ADR 0036)', () => {
  let env: TestEnv;
  let letters: DeadLetters;
  let relay: OutboxRelay;
  const consumers: EventConsumers<PgExecutor>[] = [];
  let healed = false;

  const cli = (...args: string[]) =>
    run(process.execPath, [DLQ_CLI, ...args], { env: { ...process.env, NODE_OPTIONS: '', NATS_URL, NATS_NAMESPACE: env.namespace } });
  const applied = async (durable: string) =>
    (await env.pool.query(`SELECT count(*)::int AS n FROM ${env.table('effects')} WHERE durable = $1`, [durable])).rows[0].n as number;

  async function consumer(durable: string, fails: () => boolean) {
    const c = new EventConsumers<PgExecutor>(
      env.config({ serviceName: 'notify', consumers: { ackWaitMs: 1000, retryDelayMs: 50, maxRetryDelayMs: 100, maxDeliver: 2 } }),
      await env.connect('notify'),
    );
    c.register(ApplicationSubmittedV1, {
      durable,
      handler: async (payload, tx) => {
        if (fails()) throw new Error('the recipient register is down');
        await tx.$executeRawUnsafe(`INSERT INTO ${env.table('effects')} (durable, application_id) VALUES ($1, $2)`, durable, payload.applicationId);
      },
    });
    await c.start();
    consumers.push(c);
  }

  beforeAll(async () => {
    env = await TestEnv.create();
    await env.pool.query(`CREATE TABLE ${env.table('effects')} (durable text NOT NULL, application_id text NOT NULL)`);
    await ensureStreams(env.jsm, new Namespace(env.namespace), [{ name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject] }]);
    letters = new DeadLetters(env.jsm, env.adminClient.js, new Namespace(env.namespace));
    await consumer('notify-steady', () => false);
    await consumer('notify-flaky', () => !healed);
    relay = new OutboxRelay(env.config({ relay: { intervalMs: 20 } }), await env.connect());
    relay.start();
    const outbox = new Outbox(env.config());
    await env.runner((tx) => outbox.append(tx, ApplicationSubmittedV1, submittedPayload('app-dead'), { requestId: randomUUID() }));
  });

  afterAll(async () => {
    await relay?.stop();
    await Promise.all(consumers.map((c) => c.stop()));
    await env.close();
  });

  it('lists the letter with who gave up and why, through the operator command too', async () => {
    const { total, letters: list } = await waitFor(async () => {
      const l = await letters.list();
      return l.total === 1 && l;
    }, 'the event dead-lettered');
    expect(total).toBe(1);
    expect(list[0]).toMatchObject({
      service: 'notify',
      consumer: 'notify-flaky',
      reason: 'HANDLER_FAILED',
      detail: expect.stringContaining('the recipient register is down'),
      subject: ApplicationSubmittedV1.subject,
      originalStream: env.stream('INTAKE_EVENTS'),
      deliveries: 2,
    });
    expect(await applied('notify-steady')).toBe(1);
    expect(await applied('notify-flaky')).toBe(0);
    expect((await letters.list({ service: 'intake' })).letters).toEqual([]);

    const { stdout } = await cli('list');
    expect(JSON.parse(stdout)).toEqual({ total: 1, letters: [{ ...list[0] }] });
    const shown = JSON.parse((await cli('show', String(list[0]!.seq))).stdout);
    expect(JSON.parse(shown.payload)).toEqual(submittedPayload('app-dead'));
    expect(shown.headers[HEADER.dlqReason]).toEqual(['HANDLER_FAILED']);
  });

  it('replays it to its own subject once the cause is fixed: applied by the consumer that gave up, not again by the other', async () => {
    const [letter] = (await letters.list()).letters;
    healed = true;
    const { stdout } = await cli('replay', String(letter!.seq));
    expect(JSON.parse(stdout).replayed).toMatchObject({ seq: letter!.seq, eventId: letter!.eventId, stream: env.stream('INTAKE_EVENTS') });
    await waitFor(async () => (await applied('notify-flaky')) === 1, 'the replayed event applied');
    await waitFor(async () => {
      const ci = await env.jsm.consumers.info(env.stream('INTAKE_EVENTS'), 'notify-steady');
      return ci.num_pending === 0 && ci.num_ack_pending === 0;
    }, 'the steady consumer settled');
    expect(await applied('notify-steady')).toBe(1);
    expect((await letters.list()).total).toBe(0);

    // Replayed twice by mistake: the letter is gone, so the second is refused and nothing moves.
    await expect(cli('replay', String(letter!.seq))).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('DEAD_LETTER_NOT_FOUND') });
    await expect(letters.replay(letter!.seq)).rejects.toMatchObject({ code: 'DEAD_LETTER_NOT_FOUND' });
  });

  it('refuses a message without dead-letter headers, a bad sequence and bad usage, changing nothing', async () => {
    const forged = natsHeaders();
    forged.set(HEADER.dlqService, 'notify');
    forged.set(HEADER.dlqSubject, 'intake.>');
    const ack = await env.adminClient.js.publish(`${env.namespace}.dlq.notify.intake.application.submitted.v1`, new TextEncoder().encode('{}'), { headers: forged });
    await expect(letters.replay(ack.seq)).rejects.toBeInstanceOf(DeadLetterError);
    await expect(letters.show(ack.seq)).rejects.toMatchObject({ code: 'NOT_A_DEAD_LETTER' });
    await expect(letters.discard(0)).rejects.toMatchObject({ code: 'DEAD_LETTER_NOT_FOUND' });
    expect((await env.jsm.streams.info(env.stream('DLQ'))).state.messages).toBe(1);
    await expect(cli('replay', 'abc')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('replay needs a sequence number') });
    await expect(cli('purge-everything')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command') });
    await expect(cli('list', '--limit', '-3')).rejects.toMatchObject({ code: 2 });
  });

  it('discards a letter without replaying it', async () => {
    const [letter] = (await letters.list()).letters;
    expect(letter).toBeUndefined(); // the forged message is not listed as a letter
    const info = await env.jsm.streams.info(env.stream('DLQ'));
    const h = natsHeaders();
    h.set(HEADER.dlqService, 'notify');
    h.set(HEADER.dlqSubject, ApplicationSubmittedV1.subject);
    const ack = await env.adminClient.js.publish(`${env.namespace}.dlq.notify.intake.application.submitted.v1`, new TextEncoder().encode('{}'), { headers: h });
    expect(ack.seq).toBeGreaterThan(info.state.last_seq);
    // Cannot be undone: without --yes nothing is removed.
    await expect(cli('discard', String(ack.seq))).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--yes') });
    expect((await letters.show(ack.seq)).seq).toBe(ack.seq);
    const { stdout } = await cli('discard', String(ack.seq), '--yes');
    expect(JSON.parse(stdout)).toEqual({ discarded: ack.seq });
    await expect(letters.show(ack.seq)).rejects.toMatchObject({ code: 'DEAD_LETTER_NOT_FOUND' });
  });
});
