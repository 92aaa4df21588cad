import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SubmitCompleteApplication } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, startServiceInProcess } from '@firstset/testing';
import { loadIntakeSettings } from '../src/config';
import { CreditPlatformAdapter } from '../src/credit/credit-platform.adapter';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, completeDraft, completeSubmission, count, createApplication, openBatch, registerEnterprise, submitDraft, uploadedFiles } from './helpers';

// The credit platform's batch-check interface (M5.1, M7.4(2)), played by a faithful local
// simulator: it checks the key, answers per code from its lists, and can be made slow or broken.
const KEY = 'dept-key-2026';
const LISTED_USCC = '91150300MA0R8ABC1D';
const platform = {
  requests: [] as Array<{ codes: string[]; auth: string | undefined }>,
  mode: 'ok' as 'ok' | 'slow' | 'error' | 'nonsense',
  listed: new Set([LISTED_USCC]),
};
let server: Server;
let url: string;

async function body(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return JSON.parse(Buffer.concat(parts).toString());
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const { codes } = (await body(req)) as { codes: string[] };
    platform.requests.push({ codes, auth: req.headers.authorization });
    if (req.headers.authorization !== `Bearer ${KEY}`) return res.writeHead(401).end('{"error":"bad key"}');
    if (platform.mode === 'error') return res.writeHead(503).end();
    if (platform.mode === 'slow') await new Promise((r) => setTimeout(r, 1500));
    if (platform.mode === 'nonsense') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    const results = codes.map((code) => ({
      code,
      seriousDishonesty: platform.listed.has(code),
      abnormalOperations: false,
      reference: `CP-${code.slice(-6)}`,
      checkedAt: new Date().toISOString(),
    }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/batch-check`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('the credit platform adapter (M5.1, M7.4(2))', () => {
  const adapter = (key = KEY, timeoutMs = 500) => new CreditPlatformAdapter({ url, key, timeoutMs });

  beforeEach(() => {
    platform.requests.length = 0;
    platform.mode = 'ok';
  });

  it('M5.1 asks once for a whole batch with the key and keeps the platform\'s reference', async () => {
    const answers = await adapter().checkMany([BAOTOU_USCC, LISTED_USCC, BAOTOU_USCC]);
    expect(platform.requests).toEqual([{ codes: [BAOTOU_USCC, LISTED_USCC], auth: `Bearer ${KEY}` }]);
    expect(answers.get(BAOTOU_USCC)).toMatchObject({ source: 'credit-platform', seriousDishonesty: false, abnormalOperations: false, detail: { reference: `CP-${BAOTOU_USCC.slice(-6)}` } });
    expect(answers.get(LISTED_USCC)).toMatchObject({ seriousDishonesty: true });
  });

  it('M7.4(2) a platform that refuses the key, fails, is slow or answers nonsense leaves the answer unknown, with why, for the prefecture', async () => {
    const cases: Array<[string, () => Promise<Map<string, unknown>>]> = [
      ['HTTP 401', () => adapter('wrong').checkMany([BAOTOU_USCC])],
      ['HTTP 503', async () => ((platform.mode = 'error'), adapter().checkMany([BAOTOU_USCC]))],
      ['timeout', async () => ((platform.mode = 'slow'), adapter(KEY, 200).checkMany([BAOTOU_USCC]))],
      ['results list', async () => ((platform.mode = 'nonsense'), adapter().checkMany([BAOTOU_USCC]))],
    ];
    for (const [why, run] of cases) {
      const answer = (await run()).get(BAOTOU_USCC) as { seriousDishonesty: null; abnormalOperations: null; detail: { unavailable: string; verifiedBy: string } };
      expect([answer.seriousDishonesty, answer.abnormalOperations, answer.detail.verifiedBy]).toEqual([null, null, 'prefecture']);
      expect(answer.detail.unavailable).toMatch(new RegExp(why, 'i'));
    }
  });
});

describe('submissions with the credit platform configured', () => {
  const env = newTestEnv();
  let intake: RunningService;
  let rpc: RpcCaller;
  let batchId: string;
  const clean = actors.enterprise(BAOTOU_USCC);
  const listed = actors.enterprise(LISTED_USCC);

  beforeAll(async () => {
    const settings = loadIntakeSettings({ INTAKE_CREDIT_CHECK: 'credit_platform', INTAKE_CREDIT_PLATFORM_URL: url, INTAKE_CREDIT_PLATFORM_KEY: KEY });
    intake = await startServiceInProcess(env, 'intake', (c) => intakeModule(c, settings));
    rpc = await RpcCaller.connect(env);
    batchId = (await openBatch(rpc, actors.department())).id;
    await registerEnterprise(rpc, clean);
    await registerEnterprise(rpc, listed, '150302');
  });

  afterAll(async () => {
    await rpc?.close();
    await intake?.close();
    await cleanupTestEnv(env);
  });

  it('M5.1 a clean applicant submits (both paths) with the platform\'s answer kept; a listed one is refused', async () => {
    platform.mode = 'ok';
    const draft = await createApplication(rpc, clean, batchId);
    await completeDraft(rpc, clean, draft);
    await submitDraft(rpc, clean, draft.id);
    const receipt = await rpc.request<{ id: string }>(SubmitCompleteApplication, completeSubmission(batchId, await uploadedFiles(rpc, clean, batchId)), clean);
    for (const id of [draft.id, receipt.id]) {
      expect(await count(env, 'credit_checks', `application_id = $1 AND source = 'credit-platform' AND serious_dishonesty = false`, [id])).toBe(1);
    }
    const err = await rpc.refusal(SubmitCompleteApplication, completeSubmission(batchId, await uploadedFiles(rpc, listed, batchId)), listed);
    expect([err.code, err.status]).toEqual(['APPLICANT_SERIOUSLY_DISHONEST', 403]);
  });

  it('M7.4(2) while the platform is down, submissions go through and the prefecture verifies the report', async () => {
    platform.mode = 'error';
    const receipt = await rpc.request<{ id: string; state: string }>(SubmitCompleteApplication, completeSubmission(batchId, await uploadedFiles(rpc, clean, batchId)), clean);
    expect(receipt.state).toBe('SUBMITTED');
    expect(await count(env, 'credit_checks', `application_id = $1 AND serious_dishonesty IS NULL AND detail->>'verifiedBy' = 'prefecture'`, [receipt.id])).toBe(1);
    platform.mode = 'ok';
  });

  it('refuses a configuration without a URL or key', () => {
    expect(() => loadIntakeSettings({ INTAKE_CREDIT_CHECK: 'credit_platform', INTAKE_CREDIT_PLATFORM_KEY: KEY })).toThrow(/URL/);
    expect(() => loadIntakeSettings({ INTAKE_CREDIT_CHECK: 'credit_platform', INTAKE_CREDIT_PLATFORM_URL: url })).toThrow(/KEY/);
  });
});

