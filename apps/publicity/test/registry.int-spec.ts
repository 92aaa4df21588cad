import { randomUUID } from 'node:crypto';
import {
  AmendRecognition,
  GetRecognitionHistory,
  PublicRecognitionPageV1,
  PublicRecognitionViewV1,
  RecognitionExpired,
  RecognitionHistoryV1,
  RecognitionVerificationV1,
  SearchPublicRecognitions,
  VerifyRecognition,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { publicityModule } from '../src/publicity.module';

// The registry of recognized products (M13.1): searched and paged by anyone, expired and revoked
// entries kept with their status (M13.2, M10.2), verified by document or certificate number, and
// amended by the Department with the change in the entry's history.

const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
const tag = String(process.pid % 100000);

interface Seeded {
  id: string;
  applicationId: string;
  certificateNo: string;
}

/** One issued document with its recognitions, as issuing leaves them (rows, not the flow: that is publicity.int-spec). */
async function issued(documentNo: string, documentDate: string, validUntil: string, entries: Array<Partial<Record<string, string | null>>>): Promise<Seeded[]> {
  const listId = randomUUID();
  const documentId = randomUUID();
  await q(`INSERT INTO ${S()}.decision_lists (id, batch_id, status, decided_on, decided_by) VALUES ($1, $2, 'CLOSED', $3, 'test')`, [listId, randomUUID(), documentDate]);
  await q(
    `INSERT INTO ${S()}.recognition_documents (id, decision_list_id, kind, status, document_no, year, seq, document_date, issued_at) VALUES ($1, $2, 'main', 'issued', $3, $4, $5, $6, now())`,
    [documentId, listId, documentNo, Number(documentDate.slice(0, 4)), Math.floor(Math.random() * 1e6), documentDate],
  );
  const out: Seeded[] = [];
  for (const [i, e] of entries.entries()) {
    const id = randomUUID();
    const applicationId = randomUUID();
    const certificateNo = `NMSTT-${documentDate.slice(0, 4)}-${tag}${i}${Math.floor(Math.random() * 1e6)}`;
    await q(
      `INSERT INTO ${S()}.recognitions (id, application_id, document_id, document_no, document_date, certificate_no, prefecture_id, field_code, year, valid_from, valid_until,
        uscc, enterprise_name, product_kind, product_name, series, model, issued_at, revoked_on, revocation_notice)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $5, $10, $11, $12, $13, $14, $15, $16, now(), $17, $18)`,
      [
        id, applicationId, documentId, documentNo, documentDate, certificateNo, e.prefectureId ?? '150200', e.fieldCode ?? 'EF04', Number(documentDate.slice(0, 4)), validUntil,
        e.uscc ?? '91150200MA0N4KXX4C', e.enterpriseName ?? `包头北方重型装备有限公司${tag}`, e.productKind ?? 'FIRST_SET_EQUIPMENT', e.productName ?? '矿用自卸车',
        'NTE', e.model ?? `NTE-${tag}-${i}`, e.revokedOn ?? null, e.revokedOn ? '提供虚假检测报告，撤销认定' : null,
      ],
    );
    await q(`INSERT INTO ${S()}.recognition_events (id, recognition_id, kind, occurred_on, occurred_at, actor_id) VALUES ($1, $2, 'issued', $3, now(), 'test')`, [randomUUID(), id, documentDate]);
    out.push({ id, applicationId, certificateNo });
  }
  return out;
}

let current: Seeded[];
let expired: Seeded[];
const docNow = `内工信装备认字〔2026〕${tag}号`;
const docOld = `内工信装备认字〔2022〕${tag}号`;

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-12-03T02:00:00Z'));
  current = await issued(docNow, '2026-06-10', '2029-06-10', [
    {},
    { prefectureId: '150600', enterpriseName: `鄂尔多斯稀土新材料有限公司${tag}`, productKind: 'FIRST_BATCH_MATERIAL', productName: '高纯氧化镨钕', fieldCode: 'NM', uscc: '91150600MA0N4KXX4C' },
    { revokedOn: '2026-11-20', enterpriseName: `包头造假装备有限公司${tag}` },
  ]);
  expired = await issued(docOld, '2022-11-01', '2025-11-01', [{ enterpriseName: `包头老牌装备有限公司${tag}` }]);
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

const search = (query: Record<string, unknown>) => rpc.request<PublicRecognitionPageV1>(SearchPublicRecognitions, { search: tag, ...query });
const names = (p: PublicRecognitionPageV1) => p.items.map((r) => r.enterpriseName.replace(tag, ''));

describe('the public registry (M13.1)', () => {
  it('M13.1 M13.2 M10.2 keeps expired and revoked entries with their status and the day it began, newest documents first', async () => {
    const all = await search({});
    expect(all.total).toBe(4);
    const byName = new Map(all.items.map((r) => [r.enterpriseName.replace(tag, ''), r]));
    expect(byName.get('包头北方重型装备有限公司')).toMatchObject({ status: 'valid', statusSince: null, documentNo: docNow });
    expect(byName.get('包头造假装备有限公司')).toMatchObject({ status: 'revoked', statusSince: '2026-11-20' });
    expect(byName.get('包头老牌装备有限公司')).toMatchObject({ status: 'expired', statusSince: '2025-11-02', year: 2022 });
    expect(all.items.at(-1)!.documentNo).toBe(docOld);
  });

  it('M13.1 M14 filters by words, kind, field, prefecture, year and status, and pages on the server', async () => {
    expect(names(await search({ status: 'valid' })).sort()).toEqual(['包头北方重型装备有限公司', '鄂尔多斯稀土新材料有限公司'].sort());
    expect(names(await search({ status: 'expired' }))).toEqual(['包头老牌装备有限公司']);
    expect(names(await search({ status: 'revoked' }))).toEqual(['包头造假装备有限公司']);
    expect(names(await search({ prefectureId: '150600' }))).toEqual(['鄂尔多斯稀土新材料有限公司']);
    expect(names(await search({ productKind: 'FIRST_BATCH_MATERIAL', fieldCode: 'NM' }))).toEqual(['鄂尔多斯稀土新材料有限公司']);
    expect((await search({ year: 2022 })).total).toBe(1);
    expect((await rpc.request<PublicRecognitionPageV1>(SearchPublicRecognitions, { search: current[1]!.certificateNo })).items.map((r) => r.id)).toEqual([current[1]!.id]);
    const page2 = await search({ page: 2, pageSize: 3 });
    expect([page2.total, page2.page, page2.pageSize, page2.items.length]).toEqual([4, 2, 3, 1]);
  });

  it('refuses a malformed query with the field named, and shows no score or reviewer to anyone', async () => {
    for (const bad of [{ status: 'deleted' }, { prefectureId: '15' }, { year: 1800 }, { pageSize: 1000 }]) {
      const err = await rpc.refusal(SearchPublicRecognitions, bad as never);
      expect([err.code, err.status]).toEqual(['VALIDATION_FAILED', 400]);
    }
    const row = (await search({})).items[0]!;
    expect(Object.keys(row).sort()).toEqual(
      ['certificateNo', 'documentDate', 'documentNo', 'enterpriseName', 'fieldCode', 'id', 'prefectureId', 'product', 'status', 'statusSince', 'uscc', 'validFrom', 'validUntil', 'version', 'year'].sort(),
    );
  });
});

describe('verification by number (M13.1, M13.2)', () => {
  it('M13.2 a certificate number answers its product\'s live status, the document and the issuer', async () => {
    const v = await rpc.request<RecognitionVerificationV1>(VerifyRecognition, { no: ` ${current[0]!.certificateNo} ` });
    expect(v).toMatchObject({ matched: 'certificate', checkedOn: '2026-12-03', document: { documentNo: docNow, documentDate: '2026-06-10', issuerZh: '内蒙古自治区工业和信息化厅' } });
    expect(v.recognitions).toHaveLength(1);
    expect(v.recognitions[0]).toMatchObject({ status: 'valid', validUntil: '2029-06-10', revocationNotice: null, history: [{ kind: 'issued', occurredOn: '2026-06-10' }] });
  });

  it('M10.2 M13.1 a document number answers every product it recognized, a revoked one with the public notice', async () => {
    const v = await rpc.request<RecognitionVerificationV1>(VerifyRecognition, { no: docNow });
    expect(v.matched).toBe('document');
    expect(v.recognitions).toHaveLength(3);
    expect(v.recognitions.find((r) => r.id === current[2]!.id)).toMatchObject({ status: 'revoked', statusSince: '2026-11-20', revocationNotice: '提供虚假检测报告，撤销认定' });
  });

  it('M13.2 an expired certificate says since when; an unknown number is 404 whatever its form', async () => {
    const v = await rpc.request<RecognitionVerificationV1>(VerifyRecognition, { no: expired[0]!.certificateNo });
    expect(v.recognitions[0]).toMatchObject({ status: 'expired', statusSince: '2025-11-02' });
    for (const no of ['NMSTT-2026-9999999', '内工信装备认字〔2026〕999999号', '<script>']) {
      const err = await rpc.refusal(VerifyRecognition, { no });
      expect([err.code, err.status]).toEqual(['NOT_FOUND', 404]);
    }
    expect((await rpc.refusal(VerifyRecognition, { no: '' })).status).toBe(400);
  });

  it('M13.2 compliance\'s expiry is recorded in the entry\'s history, the day after its last valid day', async () => {
    const [r] = expired;
    await publishEvent(env, RecognitionExpired, { recognitionId: r!.id, applicationId: r!.applicationId, uscc: '91150200MA0N4KXX4C', validUntil: '2025-11-01', expiredAt: '2025-11-01T16:00:00.000Z' });
    const v = await eventually(async () => {
      const got = await rpc.request<RecognitionVerificationV1>(VerifyRecognition, { no: r!.certificateNo });
      return got.recognitions[0]!.history.length === 2 ? got : null;
    });
    expect(v!.recognitions[0]!.history.map((e) => [e.kind, e.occurredOn])).toEqual([['issued', '2022-11-01'], ['expired', '2025-11-02']]);
  });
});

describe('amending an entry (M13.1)', () => {
  it('M13.1 the Department renames the enterprise with a reason; the history keeps before and after, and an event goes out', async () => {
    const [r] = current;
    const before = (await search({ prefectureId: '150200', status: 'valid' })).items.find((x) => x.id === r!.id)!;
    const renamed = `包头北方重型装备集团有限公司${tag}`;
    const after = await rpc.request<PublicRecognitionViewV1>(AmendRecognition, { recognitionId: r!.id, expectedVersion: before.version, enterpriseName: renamed, model: before.product.model, reason: '企业更名，见市场监管部门变更登记通知书' }, department);
    expect(after).toMatchObject({ enterpriseName: renamed, version: before.version + 1 });
    const history = await rpc.request<RecognitionHistoryV1>(GetRecognitionHistory, { recognitionId: r!.id }, actors.auditor());
    expect(history.events.map((e) => e.kind)).toEqual(['issued', 'amended']);
    expect(history.events[1]!.detail).toEqual({ changes: { enterpriseName: { before: before.enterpriseName, after: renamed } }, reason: '企业更名，见市场监管部门变更登记通知书' });
    expect(history.events[1]!.actorId).toBe(department.userId);
    const out = await q(`SELECT 1 FROM ${S()}.outbox_events WHERE subject = 'publicity.recognition.amended.v1' AND payload->>'recognitionId' = $1`, [r!.id]);
    expect(out).toHaveLength(1);
    expect((await rpc.request<PublicRecognitionPageV1>(SearchPublicRecognitions, { search: '重型装备集团' })).items.map((x) => x.id)).toContain(r!.id);
  });

  it('M13.1 refuses a stale version (409), an amendment that changes nothing (422), other roles (403) and an unknown entry (404), changing nothing', async () => {
    const [, r] = current;
    const row = () => q<{ enterprise_name: string; version: number }>(`SELECT enterprise_name, version FROM ${S()}.recognitions WHERE id = $1`, [r!.id]);
    const [start] = await row();
    const stale = await rpc.refusal(AmendRecognition, { recognitionId: r!.id, expectedVersion: start!.version + 5, enterpriseName: '新名称', reason: '更名' }, department);
    expect([stale.code, stale.status]).toEqual(['STALE_VERSION', 409]);
    const same = await rpc.refusal(AmendRecognition, { recognitionId: r!.id, expectedVersion: start!.version, enterpriseName: start!.enterprise_name, reason: '更名' }, department);
    expect([same.code, same.status]).toEqual(['NOTHING_TO_AMEND', 422]);
    for (const who of [actors.auditor(), actors.enterprise('91150600MA0N4KXX4C'), actors.prefecture('150600')]) {
      expect((await rpc.refusal(AmendRecognition, { recognitionId: r!.id, expectedVersion: start!.version, enterpriseName: '新名称', reason: '更名' }, who)).status).toBe(403);
    }
    expect((await rpc.refusal(AmendRecognition, { recognitionId: randomUUID(), expectedVersion: 1, enterpriseName: '新名称', reason: '更名' }, department)).status).toBe(404);
    expect((await rpc.refusal(AmendRecognition, { recognitionId: r!.id, expectedVersion: start!.version, enterpriseName: '新名称', reason: '' }, department)).status).toBe(400);
    expect((await rpc.refusal(GetRecognitionHistory, { recognitionId: r!.id }, actors.enterprise('91150600MA0N4KXX4C'))).status).toBe(403);
    expect(await row()).toEqual([start]);
  });
});
