import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { EVENT_STREAMS, streamSpecs } from '@firstset/contracts';
import {
  ensureStreams,
  HEADER,
  Namespace,
  NatsClient,
  natsPermissions,
  NATS_USERS,
  ownStreamOf,
  queriesAskedBy,
  renderNatsAuthConfig,
  requestSubjectsOf,
  resolveMessagingConfig,
} from '../src';
import { startAuthNatsServer, testNamespace, type AuthNatsServer } from '../src/testing';
import { NATS_URL } from './support/env';

const ROOT = join(__dirname, '..', '..', '..');
const SERVICES = Object.entries(NATS_USERS).filter(([, u]) => u.role === 'service').map(([name]) => name);
// nats-server logs `Publish Violation` / `Subscription Violation`; the client sees `Permissions Violation`.
const VIOLATION = /Violation/;

/** The request failed because the server refused the publish (nats.js wraps it in a RequestError). */
async function refusedPublish(p: Promise<unknown>): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: Error) => e,
  );
  expect(err).toBeDefined();
  const cause = (err as Error & { cause?: unknown }).cause ?? err;
  expect(cause).toMatchObject({ name: 'PermissionViolationError', operation: 'publish' });
}

describe('NATS credentials: one permission table, generated configs (ADR 0013)', () => {
  it('the committed configs match the table (run `node scripts/nats-config.mjs` after changing it)', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'nats-config.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('match');
    const committed = readFileSync(join(ROOT, 'infra', 'nats', 'auth.conf'), 'utf8');
    expect(committed).toContain(renderNatsAuthConfig().replace(/^(#.*\n)+/, ''));
    // Production has no anonymous user; only ./run's development server does.
    expect(committed).not.toMatch(/no_auth_user|harness/);
    expect(readFileSync(join(ROOT, 'infra', 'nats', 'auth-dev.conf'), 'utf8')).toMatch(/^no_auth_user: "harness"$/m);
  });

  it('holds no password: every user reads its own from the environment', () => {
    const conf = renderNatsAuthConfig();
    for (const user of Object.keys(NATS_USERS)) expect(conf).toContain(`password: $NATS_PASSWORD_${user.toUpperCase().replace(/-/g, '_')}`);
    expect(conf.match(/password:/g)).toHaveLength(Object.keys(NATS_USERS).length);
  });

  it('gives each service exactly its own events and requests, and the gateway no event at all', () => {
    const users = new Map(natsPermissions({ namespace: 'tns' }).map((u) => [u.user, u]));
    for (const service of SERVICES) {
      const own = ownStreamOf(service)!;
      const u = users.get(service)!;
      const asks = new Set(queriesAskedBy(service).map((s) => `tns.${s}`)); // other services' queries it may ask (ADR 0019)
      const events = u.publish.filter((s) => !s.startsWith('$') && !s.startsWith('tns.dlq.') && !asks.has(s));
      expect(events.sort()).toEqual(own.subjects.map((s) => `tns.${s}`).sort());
      expect(u.publish).toContain(`tns.dlq.${service}.>`);
      const answers = u.subscribe.filter((s) => s !== '_INBOX.>');
      expect(answers.every((s) => s.startsWith(`tns.${service}.`))).toBe(true);
      expect(answers.sort()).toEqual(requestSubjectsOf(service).map((s) => `tns.${s}`).sort());
    }
    const gateway = users.get('gateway')!;
    const allEvents = Object.values(EVENT_STREAMS).flat().map((c) => `tns.${c.subject}`);
    expect(gateway.publish.filter((s) => allEvents.includes(s) || s.includes('dlq') || s.startsWith('$JS.API.STREAM'))).toEqual([]);
    expect(gateway.subscribe).toEqual(['_INBOX.>']);
    expect(gateway.allowResponses).toBe(false);
  });

  it('gives a projection (oversight, ADR 0029) no event to publish, its own queries to answer, and the gateway the right to ask them', () => {
    const users = new Map(natsPermissions({ namespace: 'tns' }).map((u) => [u.user, u]));
    const oversight = users.get('oversight')!;
    const allEvents = Object.values(EVENT_STREAMS).flat().map((c) => `tns.${c.subject}`);
    expect(oversight.publish.filter((s) => allEvents.includes(s))).toEqual([]);
    expect(oversight.publish).toContain('tns.dlq.oversight.>');
    expect(oversight.subscribe.filter((s) => s !== '_INBOX.>').sort()).toEqual(requestSubjectsOf('oversight').map((s) => `tns.${s}`).sort());
    expect(requestSubjectsOf('oversight')).toContain('oversight.dashboard.read.v1');
    expect(users.get('gateway')!.publish).toContain('tns.oversight.dashboard.read.v1');
  });
});

describe('NATS credentials on a real nats-server with the generated authorization', () => {
  const namespace = testNamespace();
  const ns = new Namespace(namespace);
  let server: AuthNatsServer;
  const open: NatsConnection[] = [];

  const as = async (user: string, pass = server.passwords[user]): Promise<NatsClient> => {
    const client = await NatsClient.connect(
      resolveMessagingConfig({ serviceName: user, natsUrl: server.url, namespace, natsAuth: { user, pass: pass! } }),
    );
    open.push(client.nc);
    return client;
  };
  const violations = () => server.log().split('\n').filter((l) => VIOLATION.test(l));

  beforeAll(async () => {
    server = await startAuthNatsServer({ namespace });
  });
  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
    await server?.stop();
  });

  it.each(SERVICES)(
    '%s answers its own command, publishes its own event and dead letter, ensures the streams and consumes with a durable pull consumer',
    async (service) => {
      const client = await as(service);
      const gateway = await as('gateway');
      // What platformImports does at start: every platform stream and the DLQ.
      await ensureStreams(client.jsm, ns, streamSpecs());

      const command = ns.subject(requestSubjectsOf(service)[0]!);
      const sub = client.nc.subscribe(command, { queue: service, callback: (_e, m) => void m.respond(`${service} answers`) });
      await client.nc.flush();
      expect((await gateway.nc.request(command, 'hi', { timeout: 2000 })).string()).toBe(`${service} answers`);
      sub.unsubscribe();

      const own = ownStreamOf(service)!;
      const event = ns.subject(own.subjects[0]!);
      const ack = await client.js.publish(event, '{}', { msgID: `${service}-perm-1` });
      expect(ack.stream).toBe(ns.stream(own.name));

      const h = headers();
      h.set('Firstset-Test', 'dead letter');
      const dlq = await client.js.publish(ns.subject(`dlq.${service}.${own.subjects[0]}`), '{}', { headers: h });
      expect(dlq.stream).toBe(ns.stream('DLQ'));

      // The calls EventConsumers makes: find the stream by subject, info (not found), add, info,
      // update, bind, pull, ack.
      const durable = `${service}-perm-test`;
      const stream = await client.jsm.streams.find(event);
      expect(stream).toBe(ns.stream(own.name));
      await expect(client.jsm.consumers.info(stream, durable)).rejects.toThrow(/not found/i);
      await client.jsm.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: event,
        max_deliver: -1,
      });
      await client.jsm.consumers.update(stream, durable, { filter_subject: event, ack_wait: 20_000_000_000 });
      expect((await client.jsm.consumers.info(stream, durable)).config.filter_subject).toBe(event);
      const consumer = await client.js.consumers.get(stream, durable);
      const m = await consumer.next({ expires: 2000 });
      expect(m?.subject).toBe(event);
      expect(await m!.ackAck()).toBe(true);

      expect(violations()).toEqual([]);
    },
  );

  it('refuses a service publishing another service’s event: M10.2 only compliance imposes an applicant ban: intake’s user cannot publish it', async () => {
    const compliance = await as('compliance');
    await ensureStreams(compliance.jsm, ns, streamSpecs());
    const before = (await compliance.jsm.streams.info(ns.stream('COMPLIANCE_EVENTS'))).state.messages;
    const intake = await as('intake');
    await refusedPublish(intake.js.publish(ns.subject('compliance.applicant-ban.imposed.v1'), '{}'));
    // A plain publish is dropped by the server too.
    intake.nc.publish(ns.subject('compliance.applicant-ban.imposed.v1'), '{}');
    await intake.nc.flush();
    expect((await compliance.jsm.streams.info(ns.stream('COMPLIANCE_EVENTS'))).state.messages).toBe(before);
    expect(violations().some((l) => l.includes('User "intake"') && l.includes('compliance.applicant-ban.imposed.v1'))).toBe(true);
  });

  it('refuses a service answering another service’s command', async () => {
    const intake = await as('intake');
    const gateway = await as('gateway');
    const foreign = ns.subject(requestSubjectsOf('compliance')[0]!);
    const refused = new Promise<Error>((resolve) => {
      intake.nc.subscribe(foreign, {
        callback: (err) => {
          if (err) resolve(err);
        },
      });
    });
    expect(await refused).toMatchObject({ name: 'PermissionViolationError', operation: 'subscription' });
    // Nobody answers: intake never saw the request.
    await expect(gateway.nc.request(foreign, '{}', { timeout: 1000 })).rejects.toThrow(/no responders|timeout/i);
  });

  it('refuses the gateway publishing any event or dead letter, and managing streams', async () => {
    const gateway = await as('gateway');
    for (const contract of Object.values(EVENT_STREAMS).flat()) {
      await refusedPublish(gateway.js.publish(ns.subject(contract.subject), '{}'));
    }
    await refusedPublish(gateway.js.publish(ns.subject('dlq.gateway.x.v1'), '{}'));
    await refusedPublish(gateway.jsm.streams.delete(ns.stream('INTAKE_EVENTS')));
    await refusedPublish(gateway.jsm.streams.add({ name: ns.stream('GATEWAY_EVENTS'), subjects: [ns.subject('gateway.x.v1')] }));
  });

  it('issue 20.1 the audit checkpoint signer keeps signed checkpoints on their stream (the script’s own code) and can do nothing else', async () => {
    Object.assign(process.env, { NATS_URL: server.url, NATS_USER: 'audit-checkpoint', NATS_PASSWORD: server.passwords['audit-checkpoint'], NATS_NAMESPACE: namespace });
    const script = join(ROOT, 'scripts', 'audit-stream.mjs'); // a plain ES module, without types
    const { publishCheckpoints, STREAM }: { publishCheckpoints: (c: unknown[]) => Promise<void>; STREAM: string } = await import(script);
    try {
      expect(STREAM).toBe(ns.stream('AUDIT_CHECKPOINTS'));
      await publishCheckpoints([{ schema: 'gateway', seq: '3', count: 3, hash: 'ab', at: new Date().toISOString(), signature: 'cd' }]);
    } finally {
      for (const k of ['NATS_URL', 'NATS_USER', 'NATS_PASSWORD', 'NATS_NAMESPACE']) delete process.env[k];
    }
    const nc = await connect({ servers: server.url, user: 'audit-checkpoint', pass: server.passwords['audit-checkpoint'], reconnect: false });
    open.push(nc);
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    expect((await jsm.streams.info(STREAM)).state.messages).toBe(1);
    // A service cannot even look at the checkpoints' stream; the signer touches nothing of theirs.
    const admin = await as('compliance');
    await ensureStreams(admin.jsm, ns, streamSpecs());
    await refusedPublish(admin.jsm.streams.info(STREAM));
    await refusedPublish(js.publish(ns.subject(EVENT_STREAMS.COMPLIANCE_EVENTS[0]!.subject), '{}'));
    await refusedPublish(jsm.streams.delete(STREAM));
    await refusedPublish(jsm.streams.purge(STREAM));
    await refusedPublish(nc.request(ns.subject(requestSubjectsOf('intake')[0]!), '{}', { timeout: 1000 }));
    expect((await jsm.streams.info(STREAM)).state.messages).toBe(1);
  });

  it('issue 22.3 the dead-letter operator lists and replays with the operator command, and can do nothing else', async () => {
    const intake = await as('intake');
    await ensureStreams(intake.jsm, ns, streamSpecs());
    const subject = EVENT_STREAMS.INTAKE_EVENTS[0]!.subject;
    const h = headers();
    h.set(HEADER.dlqService, 'intake');
    h.set(HEADER.dlqSubject, subject);
    h.set(HEADER.eventId, '7f1c0a52-8d5e-4d0b-9f7e-2b1f3c4d5e6f');
    const letter = await intake.js.publish(ns.subject(`dlq.intake.${subject}`), '{}', { headers: h });
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'dlq.mjs'), ...args], {
        env: { ...process.env, NODE_OPTIONS: '', NATS_URL: server.url, NATS_USER: 'dlq-operator', NATS_PASSWORD: server.passwords['dlq-operator'], NATS_NAMESPACE: namespace },
        encoding: 'utf8',
      });
    expect(JSON.parse(cli('list', '--service', 'intake')).letters.map((l: { seq: number }) => l.seq)).toContain(letter.seq);
    expect(JSON.parse(cli('replay', String(letter.seq))).replayed).toMatchObject({ seq: letter.seq, stream: ns.stream('INTAKE_EVENTS') });

    const operator = await as('dlq-operator');
    await refusedPublish(operator.jsm.streams.info(ns.stream('INTAKE_EVENTS')));
    await refusedPublish(operator.jsm.streams.delete(ns.stream('DLQ')));
    await refusedPublish(operator.jsm.streams.purge(ns.stream('DLQ')));
    await refusedPublish(operator.js.publish(ns.subject(`dlq.intake.${subject}`), '{}'));
    await refusedPublish(operator.nc.request(ns.subject(requestSubjectsOf('intake')[0]!), '{}', { timeout: 1000 }));
  });

  it('refuses an unknown user, a wrong password and a connection without credentials', async () => {
    await expect(connect({ servers: server.url, user: 'mallory', pass: 'x', reconnect: false })).rejects.toThrow(/authorization/i);
    await expect(connect({ servers: server.url, user: 'intake', pass: server.passwords.gateway, reconnect: false })).rejects.toThrow(/authorization/i);
    await expect(connect({ servers: server.url, reconnect: false })).rejects.toThrow(/authorization/i);
  });
});

describe('NATS credentials against a server without authorization', () => {
  it('still connects: the machine’s NATS on 4222 runs without auth and ignores the credentials', async () => {
    const client = await NatsClient.connect(
      resolveMessagingConfig({ serviceName: 'intake', natsUrl: NATS_URL, natsAuth: { user: 'intake', pass: 'unused' } }),
    );
    try {
      const jsm: JetStreamManager = client.jsm;
      expect((await jsm.getAccountInfo()).streams).toBeGreaterThanOrEqual(0);
    } finally {
      await client.drain();
    }
  });
});
