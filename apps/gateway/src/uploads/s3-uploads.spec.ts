import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- s3rver ships no types
import S3rver from 's3rver';
import { cleanupTestEnv, newTestEnv, RunningService, startServiceInProcess } from '@firstset/testing';
import { S3ObjectStorage, StoredObject } from '@firstset/object-storage';
import { testFiles } from '@firstset/object-storage/dist/test-files';
import { eicar, RunningClamd, startClamd } from '@firstset/object-storage/dist/test-clamd';
import { intakeModule } from '@firstset/intake/module';
import { http, RunningGateway, startGateway } from '../../test/gateway-harness';

// Materials in an S3-compatible bucket (issue 4 item 4: the same port, configured): s3rver plays
// the service; uploads are staged, inspected and scanned (clamd, ADR 0034) locally, then sent to the
// bucket with the scan's verdict as the object's metadata.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const BUCKET = 'materials';
let server: { run(): Promise<AddressInfo>; close(): Promise<void> };
let dir: string;
let gw: RunningGateway;
let intake: RunningService;
let bucket: S3ObjectStorage;
let clamd: RunningClamd;
const tokens: Record<string, string> = {};
const saved: Record<string, string | undefined> = {};
const S3_ENV = ['OBJECT_STORE', 'OBJECT_STORE_DIR', 'S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'MALWARE_SCAN', 'CLAMD_SOCKET', 'CLAMD_HOST'];

const objects = async () => {
  const out: StoredObject[] = [];
  for await (const o of bucket.list()) out.push(o);
  return out.map((o) => o.key);
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gw-s3-'));
  clamd = await startClamd();
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 'bucket-data'), configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  const settings = { endpoint: `http://127.0.0.1:${port}`, region: 'cn-north-1', bucket: BUCKET, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  for (const k of S3_ENV) saved[k] = process.env[k];
  delete process.env.CLAMD_HOST;
  Object.assign(process.env, {
    MALWARE_SCAN: 'clamd',
    CLAMD_SOCKET: clamd.socket,
    OBJECT_STORE: 's3',
    OBJECT_STORE_DIR: join(dir, 'local'),
    S3_ENDPOINT: settings.endpoint,
    S3_REGION: settings.region,
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
  bucket = new S3ObjectStorage({ ...settings, stagingDir: join(dir, 'probe') });
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  gw = await startGateway(env, [
    { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
    { username: 'ent', displayName: '企业', role: 'enterprise', enterpriseUscc: '91150200MA0N4KXX4C', password: PASSWORD },
  ]);
  for (const u of ['dept', 'ent']) tokens[u] = (await http(gw.baseUrl, 'POST', '/auth/login', { body: { username: u, password: PASSWORD } })).body.accessToken;
});

afterAll(async () => {
  await gw?.close();
  await intake?.close();
  await server?.close();
  await clamd?.stop();
  await cleanupTestEnv(env);
  await rm(dir, { recursive: true, force: true });
  for (const k of S3_ENV) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
});

it('M7.4 stores an upload in the bucket by its content hash, serves it back, and leaves nothing for a refused one', async () => {
  const year = new Date().getFullYear();
  const day = 86400_000;
  const batch = await http(gw.baseUrl, 'POST', '/batches', {
    token: tokens.dept,
    body: { year, name: `${year}年度`, windowOpensAt: new Date(Date.now() - day).toISOString(), windowClosesAt: new Date(Date.now() + 30 * day).toISOString(), prefectureDeadline: new Date(Date.now() + 60 * day).toISOString().slice(0, 10) },
  });
  await http(gw.baseUrl, 'PUT', '/enterprise/profile', { token: tokens.ent, body: { name: '某装备有限公司', registeredAddress: '包头市', addressDivisionCode: '150204' } });
  const app = await http(gw.baseUrl, 'POST', '/applications', {
    token: tokens.ent,
    body: { batchId: batch.body.id, productKind: 'FIRST_SET_EQUIPMENT', productName: '矿用车', series: 'ZK', model: 'S3-1', rdCompletedOn: '2026-06-01' },
  });
  const send = (content: Buffer, name: string) =>
    fetch(`${gw.baseUrl}/applications/${app.body.id}/materials/testReport`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ent}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
      body: content,
    });
  const pdf = testFiles.pdf('1 0 obj << /Type /Catalog /Title (S3) >> endobj');
  const up = await send(pdf, '检测报告.pdf');
  const material = (await up.json()) as { id: string; sha256: string };
  expect(up.status).toBe(201);
  const key = `sha256/${material.sha256.slice(0, 2)}/${material.sha256}`;
  expect(await objects()).toEqual([key]);
  expect((await bucket.head(key))?.metadata).toMatchObject({ 'scan-verdict': 'clean', 'scan-engine': expect.stringMatching(/^ClamAV/) });

  const down = await fetch(`${gw.baseUrl}/applications/${app.body.id}/materials/${material.id}/content`, { headers: { authorization: `Bearer ${tokens.ent}` } });
  expect(down.status).toBe(200);
  expect(Buffer.from(await down.arrayBuffer()).equals(pdf)).toBe(true);

  const hidden = await send(testFiles.pdfWithHiddenJs(), 'x.pdf');
  expect([hidden.status, ((await hidden.json()) as { code: string }).code]).toEqual([422, 'ACTIVE_CONTENT']);
  const infected = await send(testFiles.pdf(`1 0 obj << /Type /Catalog >> endobj\n% ${eicar().toString()}`), 'x.pdf');
  expect([infected.status, ((await infected.json()) as { code: string }).code]).toEqual([422, 'MALWARE_FOUND']);
  expect((await objects()).length).toBe(1);
});
