import { randomUUID } from 'node:crypto';
import { Controller, Inject, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  ACTOR_TOKEN_HEADER,
  ActorSigner,
  Answers,
  bodyHash,
  canonicalSha256,
  ensureStreams,
  generateActorKeys,
  HEADER,
  MessagingErrorCode,
  Namespace,
  NatsRpcServer,
  RemoteServiceError,
  ServiceClient,
  ServiceError,
  type ActorClaims,
  type MessageMeta,
} from '../src';
import { GetApplicationV1, SubmitApplicationV1, SubmitApplicationV1Dto } from './support/contracts';
import { logs, NATS_URL, sleep, TestEnv } from './support/env';

const meta = (): MessageMeta => ({
  requestId: randomUUID(),
  actor: { userId: 'u-1', role: 'enterprise', displayName: '王小明', enterpriseUscc: '91150100MA0N1234XY' },
  idempotencyKey: randomUUID(),
});

async function rejection(p: Promise<unknown>): Promise<RemoteServiceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RemoteServiceError) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}

const INSTANCE = Symbol('INSTANCE');
const served = { a: 0, b: 0 };
const seen: Array<{ payload: SubmitApplicationV1Dto; meta: MessageMeta }> = [];

/** A service's controller as the apps write them. */
@Controller()
class SubmissionsController {
  constructor(@Inject(INSTANCE) private readonly instance: 'a' | 'b') {}

  @Answers(SubmitApplicationV1)
  async submit(payload: SubmitApplicationV1Dto, m: MessageMeta) {
    served[this.instance] += 1;
    seen.push({ payload, meta: m });
    if (payload.applicationId === 'banned') {
      throw new ServiceError('APPLICANT_BANNED', 409, 'Applicant is banned', 'ban until 2027-01-01');
    }
    if (payload.applicationId === 'boom') throw new Error('connection string postgres://secret@db leaked?');
    if (payload.applicationId === 'slow') await sleep(1500);
    return { applicationId: payload.applicationId, status: 'submitted', by: this.instance };
  }
}

describe('RPC on Nest\'s NATS transport: a queue group, signed actors, typed errors', () => {
  let env: TestEnv;
  const keys = generateActorKeys();
  const instances: INestMicroservice[] = [];
  let client: ServiceClient;
  let raw: NatsConnection;

  async function startInstance(instance: 'a' | 'b'): Promise<void> {
    @Module({ controllers: [SubmissionsController], providers: [{ provide: INSTANCE, useValue: instance }] })
    class ServiceModule {}
    const app = await NestFactory.createMicroservice(ServiceModule, {
      strategy: new NatsRpcServer({ serviceName: 'intake', natsUrl: [NATS_URL], ns: new Namespace(env.namespace), actorVerifyKey: keys.verifyKey }),
      logger: logs,
    });
    await app.listen();
    instances.push(app);
  }

  /** What anything on the bus can do: publish bytes with headers of its choosing. */
  async function rawRequest(subject: string, body: Uint8Array, token?: string): Promise<{ err?: { code: string; status: number; detail?: string }; response?: unknown }> {
    const { headers } = await import('@nats-io/transport-node');
    const h = headers();
    h.set(HEADER.requestId, randomUUID());
    if (token) h.set(ACTOR_TOKEN_HEADER, token);
    const reply = await raw.request(`${env.namespace}.${subject}`, body, { timeout: 3000, headers: h });
    return reply.json();
  }

  const packet = (data: unknown) => new TextEncoder().encode(JSON.stringify({ pattern: 'x', data, id: randomUUID() }));
  const claims = (body: Uint8Array, over: Partial<Omit<ActorClaims, 'v' | 'iat' | 'exp'>> = {}) => ({
    aud: 'intake',
    sub: `${env.namespace}.${SubmitApplicationV1.subject}`,
    rid: randomUUID(),
    act: { userId: 'intruder', role: 'department_officer' },
    bh: bodyHash(body),
    ...over,
  });

  beforeAll(async () => {
    env = await TestEnv.create();
    await startInstance('a');
    await startInstance('b');
    client = new ServiceClient({ name: 'gateway', natsUrl: [NATS_URL], ns: new Namespace(env.namespace), actorSigningKey: keys.signingKey, timeoutMs: 5000 });
    raw = await connect({ servers: NATS_URL });
  });

  afterAll(async () => {
    await client.close();
    await raw.drain();
    for (const app of instances) await app.close();
    await env.close();
  });

  it('spreads requests across both instances of the service and returns data', async () => {
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        client.request(SubmitApplicationV1, { applicationId: `app-${i}`, category: 'equipment' }, meta()) as Promise<{ applicationId: string }>,
      ),
    );
    expect(replies.map((r) => r.applicationId)).toEqual(Array.from({ length: 40 }, (_, i) => `app-${i}`));
    expect(served.a + served.b).toBe(40);
    expect(served.a).toBeGreaterThan(0);
    expect(served.b).toBeGreaterThan(0);
  });

  it('carries the signed request id, actor (with Chinese name) and idempotency key to the handler, with the hash of the keyed payload', async () => {
    const m = meta();
    await client.request(SubmitApplicationV1, { applicationId: 'meta-check', category: 'material' }, m);
    const got = seen.find((s) => s.payload.applicationId === 'meta-check');
    // The hash is of the payload's canonical JSON (keys sorted), so key order does not matter.
    const requestHash = canonicalSha256({ category: 'material', applicationId: 'meta-check' });
    expect(got?.meta).toEqual({ requestId: m.requestId, actor: m.actor, idempotencyKey: m.idempotencyKey, requestHash });
  });

  it('answers an invalid payload with VALIDATION_FAILED and field errors from the pipe, without calling the handler', async () => {
    const before = served.a + served.b;
    const err = await rejection(client.request(SubmitApplicationV1, { applicationId: '', category: 'ships', extra: 1 } as never, meta()));
    expect([err.code, err.status]).toEqual([MessagingErrorCode.VALIDATION_FAILED, 400]);
    // The same "中文 / English" wording, with its rule, as the gateway's own refusals.
    expect(err.error.errors).toEqual(
      expect.arrayContaining([
        { field: 'applicationId', message: '须为 1–64 个字符 / must be 1–64 characters', rule: 'isLength' },
        { field: 'category', message: '不是可选的值 / must be one of: equipment, material', rule: 'isIn' },
        { field: 'extra', message: '不允许提交此字段 / is not allowed (should not exist)', rule: 'whitelistValidation' },
      ]),
    );
    expect(served.a + served.b).toBe(before);
  });

  it('returns a ServiceError through the one filter with its code, status, title and detail', async () => {
    const err = await rejection(client.request(SubmitApplicationV1, { applicationId: 'banned', category: 'equipment' }, meta()));
    expect(err.error).toEqual({ code: 'APPLICANT_BANNED', status: 409, title: 'Applicant is banned', detail: 'ban until 2027-01-01' });
  });

  it('turns any other error into a 500 INTERNAL without leaking its message', async () => {
    const err = await rejection(client.request(SubmitApplicationV1, { applicationId: 'boom', category: 'equipment' }, meta()));
    expect(err.error).toEqual({ code: 'INTERNAL', status: 500, title: '服务器内部错误 / Internal error' });
    expect(JSON.stringify(err.error)).not.toContain('secret');
  });

  it('reports no responders as SERVICE_UNAVAILABLE 503 at once', async () => {
    const started = Date.now();
    const err = await rejection(client.request(GetApplicationV1, { applicationId: 'x' }, meta(), { timeoutMs: 3000 }));
    expect([err.code, err.status]).toEqual([MessagingErrorCode.SERVICE_UNAVAILABLE, 503]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a timeout as SERVICE_UNAVAILABLE 503', async () => {
    const err = await rejection(client.request(SubmitApplicationV1, { applicationId: 'slow', category: 'equipment' }, meta(), { timeoutMs: 300 }));
    expect(err.code).toBe(MessagingErrorCode.SERVICE_UNAVAILABLE);
    expect(err.error.detail).toContain('300');
  });

  describe('trusts nothing unsigned (ADR 0015)', () => {
    const refusedWith = async (body: Uint8Array, token: string | undefined, reason: string) => {
      const before = served.a + served.b;
      const reply = await rawRequest(SubmitApplicationV1.subject, body, token);
      expect(reply.err).toMatchObject({ code: 'ACTOR_SIGNATURE_INVALID', status: 401, detail: reason });
      expect(served.a + served.b).toBe(before);
    };
    const body = packet({ applicationId: 'forged', category: 'equipment' });

    it('refuses a request with no signature (an actor header in plain JSON is not believed)', async () => {
      await refusedWith(body, undefined, 'MISSING');
      expect(logs.find('request refused: actor signature').some((l) => l.reason === 'MISSING')).toBe(true);
    });

    it('refuses an actor signed with another key', async () => {
      await refusedWith(body, new ActorSigner(generateActorKeys().signingKey).sign(claims(body)), 'BAD_SIGNATURE');
    });

    it('refuses a genuine token with a changed body, or moved to another subject or service', async () => {
      const signer = new ActorSigner(keys.signingKey);
      const other = packet({ applicationId: 'swapped', category: 'equipment' });
      await refusedWith(other, signer.sign(claims(body)), 'BODY_MISMATCH');
      await refusedWith(body, signer.sign(claims(body, { sub: `${env.namespace}.intake.application.withdraw.v1` })), 'WRONG_SUBJECT');
      await refusedWith(body, signer.sign(claims(body, { aud: 'compliance' })), 'WRONG_AUDIENCE');
    });

    it('refuses an expired token and a tampered one', async () => {
      const signer = new ActorSigner(keys.signingKey);
      await refusedWith(body, signer.sign(claims(body), Date.now() - 120_000), 'EXPIRED');
      const token = signer.sign(claims(body));
      const [head, sig] = token.split('.');
      const forgedHead = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(head, 'base64url').toString()), act: { userId: 'x', role: 'auditor' } })).toString('base64url');
      await refusedWith(body, `${forgedHead}.${sig}`, 'BAD_SIGNATURE');
    });

    it('applies the edge rules to signed bytes before any handler: not JSON, control characters', async () => {
      const signer = new ActorSigner(keys.signingKey);
      const notJson = new TextEncoder().encode('{"pattern":"x","data":{');
      const r1 = await rawRequest(SubmitApplicationV1.subject, notJson, signer.sign(claims(notJson)));
      expect(r1.err).toMatchObject({ code: 'INVALID_JSON', status: 400 });
      const control = packet({ applicationId: 'a\u0007b', category: 'equipment' });
      const r2 = await rawRequest(SubmitApplicationV1.subject, control, signer.sign(claims(control)));
      expect(r2.err).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    });
  });

  it('never emits domain events through the ClientProxy', async () => {
    await expect(client.proxy.emit('intake.application.submitted.v1', {}).toPromise()).rejects.toThrow(/outbox/);
  });

  it('rejects a reply that is not a response (a command subject captured by a stream answers with a PubAck)', async () => {
    const ns = new Namespace(env.namespace);
    await env.jsm.streams.add({ name: ns.stream('MISCONFIGURED'), subjects: [ns.subject('intake.application.get.v1')] });
    await ensureStreams(env.jsm, ns, []);
    const err = await rejection(client.request(GetApplicationV1, { applicationId: 'x' }, meta()));
    expect([err.code, err.status]).toEqual([MessagingErrorCode.INVALID_REPLY, 502]);
  });

  it('writes every log line with the request id', () => {
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.withoutRequestId()).toEqual([]);
    expect(logs.find('handler failed')[0]?.requestId).toEqual(expect.any(String));
  });
});
