import { randomUUID } from 'node:crypto';
import {
  canonicalSha256,
  ensureStreams,
  MessagingErrorCode,
  Namespace,
  RemoteServiceError,
  RpcClient,
  RpcServer,
  ServiceError,
  type MessageMeta,
} from '../src';
import {
  ApplicationSubmittedV1,
  GetApplicationV1,
  SubmitApplicationV1,
  type SubmitApplicationV1Dto,
} from './support/contracts';
import { logs, sleep, TestEnv } from './support/env';

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

describe('RPC: request/reply in a queue group with typed errors', () => {
  let env: TestEnv;
  let serverA: RpcServer;
  let serverB: RpcServer;
  let client: RpcClient;
  const served = { a: 0, b: 0 };
  const seen: Array<{ payload: SubmitApplicationV1Dto; meta: MessageMeta }> = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    const cfg = env.config();
    serverA = new RpcServer(cfg, await env.connect('intake'));
    serverB = new RpcServer(cfg, await env.connect('intake'));
    client = new RpcClient(cfg, await env.connect('gateway'));
    for (const [server, key] of [
      [serverA, 'a'],
      [serverB, 'b'],
    ] as const) {
      await server.handle(SubmitApplicationV1, async (payload, m) => {
        served[key] += 1;
        seen.push({ payload, meta: m });
        if (payload.applicationId === 'banned') {
          throw new ServiceError('APPLICANT_BANNED', 409, 'Applicant is banned', 'ban until 2027-01-01');
        }
        if (payload.applicationId === 'boom')
          throw new Error('connection string postgres://secret@db leaked?');
        if (payload.applicationId === 'slow') await sleep(1500);
        return { applicationId: payload.applicationId, status: 'submitted', by: key };
      });
    }
  });

  afterAll(async () => {
    await serverA.onModuleDestroy();
    await serverB.onModuleDestroy();
    await env.close();
  });

  it('spreads requests across both instances of the service and returns data', async () => {
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        client.request<{ applicationId: string; status: string; by: string }>(
          SubmitApplicationV1,
          { applicationId: `app-${i}`, category: 'equipment' },
          meta(),
        ),
      ),
    );
    expect(replies.map((r) => r.applicationId)).toEqual(Array.from({ length: 40 }, (_, i) => `app-${i}`));
    expect(served.a + served.b).toBe(40);
    expect(served.a).toBeGreaterThan(0);
    expect(served.b).toBeGreaterThan(0);
  });

  it('carries request id, actor (with Chinese name) and idempotency key to the handler, with the hash of the keyed payload', async () => {
    const m = meta();
    const payload = { applicationId: 'meta-check', category: 'material' };
    await client.request(SubmitApplicationV1, payload, m);
    const got = seen.find((s) => s.payload.applicationId === 'meta-check');
    // The hash is of the payload's canonical JSON (keys sorted), so key order does not matter.
    const requestHash = canonicalSha256({ category: 'material', applicationId: 'meta-check' });
    expect(got?.meta).toEqual({ requestId: m.requestId, actor: m.actor, idempotencyKey: m.idempotencyKey, requestHash });
  });

  it('answers an invalid payload with VALIDATION_FAILED and field errors, without calling the handler', async () => {
    const before = served.a + served.b;
    const err = await rejection(
      client.request(
        SubmitApplicationV1,
        { applicationId: '', category: 'ships', extra: 1 } as never,
        meta(),
      ),
    );
    expect(err.code).toBe(MessagingErrorCode.VALIDATION_FAILED);
    expect(err.status).toBe(400);
    const fields = (err.error.errors ?? []).map((e) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['applicationId', 'category', 'extra']));
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

  it('returns a ServiceError as a typed error with its code, status, title and detail', async () => {
    const err = await rejection(
      client.request(SubmitApplicationV1, { applicationId: 'banned', category: 'equipment' }, meta()),
    );
    expect(err.error).toEqual({
      code: 'APPLICANT_BANNED',
      status: 409,
      title: 'Applicant is banned',
      detail: 'ban until 2027-01-01',
    });
  });

  it('turns any other error into a 500 INTERNAL without leaking its message', async () => {
    const err = await rejection(
      client.request(SubmitApplicationV1, { applicationId: 'boom', category: 'equipment' }, meta()),
    );
    expect(err.error).toEqual({ code: 'INTERNAL', status: 500, title: '服务器内部错误 / Internal error' });
    expect(JSON.stringify(err.error)).not.toContain('secret');
  });

  it('reports no responders as SERVICE_UNAVAILABLE 503 at once', async () => {
    const started = Date.now();
    const err = await rejection(
      client.request(GetApplicationV1, { applicationId: 'x' }, meta(), { timeoutMs: 3000 }),
    );
    expect(err.code).toBe(MessagingErrorCode.SERVICE_UNAVAILABLE);
    expect(err.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a timeout as SERVICE_UNAVAILABLE 503', async () => {
    const err = await rejection(
      client.request(SubmitApplicationV1, { applicationId: 'slow', category: 'equipment' }, meta(), {
        timeoutMs: 300,
      }),
    );
    expect(err.code).toBe(MessagingErrorCode.SERVICE_UNAVAILABLE);
    expect(err.error.detail).toContain('300');
  });

  it('rejects a reply that is not an envelope (a command subject captured by a stream answers with a PubAck)', async () => {
    const ns = new Namespace(env.namespace);
    // A misconfiguration the stream checks refuse; made here directly to show what the client does.
    await env.jsm.streams.add({
      name: ns.stream('MISCONFIGURED'),
      subjects: [ns.subject('intake.application.get.v1')],
    });
    await ensureStreams(env.jsm, ns, []);
    const err = await rejection(client.request(GetApplicationV1, { applicationId: 'x' }, meta()));
    expect(err.code).toBe(MessagingErrorCode.INVALID_REPLY);
    expect(err.status).toBe(502);
  });

  it('writes every log line with the request id', () => {
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.withoutRequestId()).toEqual([]);
    const failure = logs.find('handler failed')[0];
    expect(failure?.requestId).toEqual(expect.any(String));
  });

  it('refuses to serve an event contract', async () => {
    await expect(serverA.handle(ApplicationSubmittedV1, async () => null)).rejects.toThrow(/event/);
  });
});
