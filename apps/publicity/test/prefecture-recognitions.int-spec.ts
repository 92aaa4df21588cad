import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  ExportedFileV1,
  ExpiryNoticeRunV1,
  ExportPrefectureRecognitions,
  ListPrefectureExpiryNotices,
  ListPrefectureRecognitions,
  PrefectureExpiryNoticeV1,
  PrefectureRecognitionPageV1,
  SendExpiryNotices,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { publicityModule } from '../src/publicity.module';

// Each prefecture's recognized products (M14) with status and validity (M13.2), listed, filtered,
// paged and exported as XLSX for its own area only; and the expiry notices sent 90 and 30 days
// before the last valid day (M13.2), each threshold once, kept as ExpiryNotice rows (what the
// prefecture reads) and sent as events (what the enterprise's inbox gets, see intake).

const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const system = { userId: 'system:test', role: 'system' };
const baotou = actors.prefecture('150200');
const ordos = actors.prefecture('150600');
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
const UNTIL = '2029-11-20';

interface Row {
  prefectureId?: string;
  enterpriseName: string;
  validUntil?: string;
  documentDate?: string;
  revokedOn?: string;
  productKind?: string;
  fieldCode?: string;
}

/** Recognitions as issuing leaves them (rows, not the flow: that is publicity.int-spec). */
async function recognized(rows: Row[]): Promise<string[]> {
  const listId = randomUUID();
  const documentId = randomUUID();
  const documentDate = rows[0]!.documentDate ?? '2026-11-21';
  const documentNo = `内工信装备认字〔${documentDate.slice(0, 4)}〕${Math.floor(Math.random() * 1e6)}号`;
  await q(`INSERT INTO ${S()}.decision_lists (id, batch_id, status, decided_on, decided_by) VALUES ($1, $2, 'CLOSED', $3, 'test')`, [listId, randomUUID(), documentDate]);
  await q(
    `INSERT INTO ${S()}.recognition_documents (id, decision_list_id, kind, status, document_no, year, seq, document_date, issued_at) VALUES ($1, $2, 'main', 'issued', $3, $4, $5, $6, now())`,
    [documentId, listId, documentNo, Number(documentDate.slice(0, 4)), Math.floor(Math.random() * 1e6), documentDate],
  );
  const ids: string[] = [];
  for (const r of rows) {
    const id = randomUUID();
    await q(
      `INSERT INTO ${S()}.recognitions (id, application_id, document_id, document_no, document_date, certificate_no, prefecture_id, field_code, year, valid_from, valid_until,
        uscc, enterprise_name, product_kind, product_name, series, model, issued_at, revoked_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $5, $10, '91150200MA0N4KXX4C', $11, $12, '矿用自卸车', 'NTE', 'NTE-220', now(), $13)`,
      [
        id, randomUUID(), documentId, documentNo, r.documentDate ?? documentDate, `NMSTT-${documentDate.slice(0, 4)}-${Math.floor(Math.random() * 1e8)}`, r.prefectureId ?? '150200',
        r.fieldCode ?? 'EF04', Number(documentDate.slice(0, 4)), r.validUntil ?? UNTIL, r.enterpriseName, r.productKind ?? 'FIRST_SET_EQUIPMENT', r.revokedOn ?? null,
      ],
    );
    ids.push(id);
  }
  return ids;
}

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

/** The run of a Beijing day (10:00 there). */
const runOn = async (day: string) => {
  await rpc.setClock(new Date(`${day}T02:00:00Z`));
  return rpc.request<ExpiryNoticeRunV1>(SendExpiryNotices, {}, system);
};
const noticesOf = (id: string) => q<{ days_before: number }>(`SELECT days_before FROM ${S()}.expiry_notices WHERE recognition_id = $1 ORDER BY sent_at`, [id]).then((r) => r.map((x) => x.days_before));
const eventsOf = (id: string) =>
  q<{ payload: { daysBefore: number; uscc: string; validUntil: string; prefectureId: string } }>(
    `SELECT payload FROM ${S()}.outbox_events WHERE subject = 'publicity.recognition.expiring.v1' AND payload->>'recognitionId' = $1 ORDER BY occurred_at`,
    [id],
  ).then((r) => r.map((x) => x.payload));

describe('M13.2 expiry notices, 90 and 30 days before the last valid day', () => {
  let main: string, revoked: string, ordosOne: string, late: string;

  beforeAll(async () => {
    [main, revoked] = await recognized([{ enterpriseName: '包头北方重型装备有限公司' }, { enterpriseName: '包头造假装备有限公司', revokedOn: '2027-03-01' }]);
    [ordosOne] = await recognized([{ prefectureId: '150600', enterpriseName: '鄂尔多斯稀土新材料有限公司' }]);
  });

  it('M13.2 sends nothing at 91 days left, the 90-day notice at 90, nothing more at 89 or on a second run the same day', async () => {
    expect((await runOn('2029-08-21')).sent).toEqual([]);
    const at90 = await runOn('2029-08-22');
    expect(at90.sent.filter((s) => s.recognitionId === main)).toEqual([{ recognitionId: main, daysBefore: 90, validUntil: UNTIL }]);
    expect((await runOn('2029-08-22')).sent).toEqual([]);
    expect((await runOn('2029-08-23')).sent).toEqual([]);
    expect(await noticesOf(main)).toEqual([90]);
    const events = await eventsOf(main);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ daysBefore: 90, uscc: '91150200MA0N4KXX4C', validUntil: UNTIL, prefectureId: '150200' });
  });

  it('M13.2 sends the 30-day notice at 30 days left (not at 31, not again at 29), and never to a revoked recognition', async () => {
    expect((await runOn('2029-10-20')).sent).toEqual([]);
    expect((await runOn('2029-10-21')).sent.map((s) => [s.recognitionId, s.daysBefore]).sort()).toEqual([[main, 30], [ordosOne, 30]].sort());
    expect((await runOn('2029-10-22')).sent).toEqual([]);
    expect(await noticesOf(main)).toEqual([90, 30]);
    expect((await eventsOf(main)).map((e) => e.daysBefore)).toEqual([90, 30]);
    expect(await noticesOf(revoked)).toEqual([]);
    expect(await eventsOf(revoked)).toEqual([]);
  });

  it('M13.2 one first seen at 20 days left gets the 30-day notice only (never two at once); after the last valid day, none', async () => {
    [late] = await recognized([{ enterpriseName: '包头后认定装备有限公司', validUntil: '2029-11-10' }]);
    expect((await runOn('2029-10-21')).sent).toEqual([{ recognitionId: late, daysBefore: 30, validUntil: '2029-11-10' }]);
    expect(await noticesOf(late)).toEqual([30]);
    const [lapsed] = await recognized([{ enterpriseName: '包头过期装备有限公司', validUntil: '2029-11-20' }]);
    expect((await runOn('2029-11-21')).sent).toEqual([]);
    expect(await noticesOf(lapsed!)).toEqual([]);
    // The last valid day itself is still before expiry: a recognition unseen until then is told,
    // once however many runs (replicas) see it at the same moment.
    await rpc.setClock(new Date('2029-11-20T02:00:00Z'));
    const both = await Promise.all([1, 2].map(() => rpc.request<ExpiryNoticeRunV1>(SendExpiryNotices, {}, system)));
    expect(both.flatMap((r) => r.sent)).toEqual([{ recognitionId: lapsed, daysBefore: 30, validUntil: '2029-11-20' }]);
    expect(await eventsOf(lapsed!)).toHaveLength(1);
  });

  it('M13.2 is the system\'s run: a person is refused and nothing is sent', async () => {
    const [late2] = await recognized([{ enterpriseName: '包头未提醒装备有限公司', validUntil: '2029-12-01' }]);
    await rpc.setClock(new Date('2029-11-25T02:00:00Z'));
    for (const who of [actors.department(), baotou]) expect((await rpc.refusal(SendExpiryNotices, {}, who)).status).toBe(403);
    expect(await noticesOf(late2!)).toEqual([]);
  });

  it('M14 M13.2 the prefecture reads the notices about its own recognitions only, newest first', async () => {
    const mine = await rpc.request<PrefectureExpiryNoticeV1[]>(ListPrefectureExpiryNotices, {}, baotou);
    expect(mine.map((n) => [n.enterpriseName, n.daysBefore])).toEqual(
      expect.arrayContaining([['包头北方重型装备有限公司', 90], ['包头北方重型装备有限公司', 30], ['包头后认定装备有限公司', 30]]),
    );
    expect(mine.some((n) => n.enterpriseName.startsWith('鄂尔多斯'))).toBe(false);
    expect(mine[0]!.sentAt >= mine.at(-1)!.sentAt).toBe(true);
    const theirs = await rpc.request<PrefectureExpiryNoticeV1[]>(ListPrefectureExpiryNotices, {}, ordos);
    expect(theirs.map((n) => [n.recognitionId, n.daysBefore])).toEqual([[ordosOne, 30], [ordosOne, 90]]);
  });
});

describe('M14 the prefecture\'s recognized products', () => {
  let valid: string;

  beforeAll(async () => {
    await rpc.setClock(new Date('2026-12-03T02:00:00Z'));
    [valid] = await recognized([
      { enterpriseName: '包头稀土永磁电机有限公司', documentDate: '2026-06-10', validUntil: '2029-06-10' },
      { enterpriseName: '包头撤销装备有限公司', documentDate: '2026-06-10', validUntil: '2029-06-10', revokedOn: '2026-11-20' },
    ]);
    await recognized([{ enterpriseName: '包头老牌装备有限公司', documentDate: '2022-11-01', validUntil: '2025-11-01', productKind: 'FIRST_BATCH_MATERIAL', fieldCode: 'NM' }]);
    await recognized([{ prefectureId: '150600', enterpriseName: '鄂尔多斯新认定材料有限公司', documentDate: '2026-06-10', validUntil: '2029-06-10' }]);
  });

  const list = (query: Record<string, unknown>, who = baotou) => rpc.request<PrefectureRecognitionPageV1>(ListPrefectureRecognitions, query as never, who);
  const names = (p: PrefectureRecognitionPageV1) => p.items.map((r) => r.enterpriseName);

  it('M14 lists its own products with status, validity, numbers and the notices sent; never another prefecture\'s', async () => {
    const all = await list({ pageSize: 100 });
    expect(all.items.every((r) => r.prefectureId === '150200')).toBe(true);
    expect(names(all)).not.toContain('鄂尔多斯新认定材料有限公司');
    expect(names(all)).not.toContain('鄂尔多斯稀土新材料有限公司');
    const byName = new Map(all.items.map((r) => [r.enterpriseName, r]));
    expect(byName.get('包头稀土永磁电机有限公司')).toMatchObject({ id: valid, status: 'valid', validFrom: '2026-06-10', validUntil: '2029-06-10', year: 2026, expiryNotices: [] });
    expect(byName.get('包头撤销装备有限公司')).toMatchObject({ status: 'revoked', statusSince: '2026-11-20' });
    expect(byName.get('包头老牌装备有限公司')).toMatchObject({ status: 'expired', product: { kind: 'FIRST_BATCH_MATERIAL' }, fieldCode: 'NM' });
    expect(byName.get('包头北方重型装备有限公司')).toMatchObject({ expiryNotices: [90, 30] });
    const theirs = await list({ pageSize: 100 }, ordos);
    expect(names(theirs).sort()).toEqual(['鄂尔多斯新认定材料有限公司', '鄂尔多斯稀土新材料有限公司'].sort());
  });

  it('M14 filters by words, status, kind, field and year, and pages on the server', async () => {
    expect(names(await list({ status: 'expired' }))).toEqual(['包头老牌装备有限公司']);
    expect(names(await list({ status: 'revoked' }))).toEqual(['包头撤销装备有限公司']);
    expect(names(await list({ productKind: 'FIRST_BATCH_MATERIAL', fieldCode: 'NM', year: 2022 }))).toEqual(['包头老牌装备有限公司']);
    expect(names(await list({ search: '永磁' }))).toEqual(['包头稀土永磁电机有限公司']);
    expect((await list({ search: '鄂尔多斯' })).total).toBe(0);
    const p2 = await list({ page: 2, pageSize: 2 });
    const total = (await list({})).total;
    expect([p2.page, p2.pageSize, p2.total, p2.items.length]).toEqual([2, 2, total, Math.min(2, total - 2)]);
  });

  it('M14 exports the filtered products as XLSX, one row each with status and validity, its own prefecture only', async () => {
    const file = await rpc.request<ExportedFileV1>(ExportPrefectureRecognitions, { status: 'valid' } as never, baotou);
    expect(file.fileName).toMatch(/^认定产品清单-150200-2026-12-03\.xlsx$/);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const sheet = book.getWorksheet('认定产品')!;
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]!.slice(0, 4)).toEqual(['序号', '申请单位', '统一社会信用代码', '产品名称']);
    const body = rows.slice(1);
    const valid = (await list({ status: 'valid', pageSize: 100 })).items;
    expect(body.map((r) => r[1])).toEqual(valid.map((r) => r.enterpriseName));
    const row = body.find((r) => r[1] === '包头稀土永磁电机有限公司')!;
    expect(row.slice(5)).toEqual(['技术装备首台（套）', 'EF04', 2026, expect.stringMatching(/^内工信装备认字/), expect.stringMatching(/^NMSTT-/), '2026-06-10', '2029-06-10', '有效', '']);
    expect(body.some((r) => String(r[1]).startsWith('鄂尔多斯'))).toBe(false);
  });

  it('M14 refuses a prefecture asked for, other roles, an officer bound to no prefecture and a malformed filter, with the field named', async () => {
    const forged = await rpc.refusal(ListPrefectureRecognitions, { prefectureId: '150600' } as never, baotou);
    expect(forged.status).toBe(400);
    expect((await rpc.refusal(ExportPrefectureRecognitions, { prefectureId: '150600' } as never, baotou)).status).toBe(400);
    for (const who of [actors.department(), actors.enterprise('91150200MA0N4KXX4C'), actors.auditor()]) {
      expect((await rpc.refusal(ListPrefectureRecognitions, {}, who)).status).toBe(403);
      expect((await rpc.refusal(ExportPrefectureRecognitions, {}, who)).status).toBe(403);
      expect((await rpc.refusal(ListPrefectureExpiryNotices, {}, who)).status).toBe(403);
    }
    const unbound = await rpc.refusal(ListPrefectureRecognitions, {}, { userId: randomUUID(), role: 'prefecture_officer' });
    expect([unbound.code, unbound.status]).toEqual(['NO_JURISDICTION', 403]);
    for (const bad of [{ status: 'deleted' }, { year: 1800 }, { pageSize: 1000 }, { productKind: 'X' }]) {
      const err = await rpc.refusal(ListPrefectureRecognitions, bad as never, baotou);
      expect([err.code, err.status]).toEqual(['VALIDATION_FAILED', 400]);
    }
  });
});
