import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApplicationReviewed,
  ApplicationReviewedV1,
  AssessObjection,
  ClosePublicity,
  DecideBatch,
  DecideObjection,
  ExportCertificatePdf,
  ExportRecognitionDocumentPdf,
  IssueRecognitionDocument,
  ListIssuing,
  ListPublicNotices,
  LodgeObjection,
  PublishList,
  VerifyRecognition,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { publicityModule } from '../src/publicity.module';

// Closing a publicity and issuing its recognition documents (M9.3, M13.1, M13.2; ADR 0025): the
// close drafts the main document from the template without number or date; the Department issues
// it, taking the number then; entries an objection held go into a supplementary document once
// cleared; the document and certificate PDFs.
const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const USCC = '91150200MA0N4KXX4C';
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
// Monday 30 November 2026, 10:00 in China; the publicity from that day ends on Friday 4 December.
const NOW = new Date('2026-11-30T02:00:00Z');
// Monday 7 December 2026, 10:00 in China: the period is over.
const AFTER = new Date('2026-12-07T02:00:00Z');

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(NOW);
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

let serial = 0;
const reviewed = (batchId: string): ApplicationReviewedV1 => {
  const n = ++serial;
  return {
    applicationId: randomUUID(),
    batchId,
    applicationNo: `2026-150200-${String(n).padStart(5, '0')}`,
    prefectureId: '150200',
    enterprise: { uscc: USCC, name: `包头北方重型装备有限公司${n}`, registeredAddress: '包头市青山区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: `大型矿用自卸车${n}`, series: 'ZK', model: `ZK-${n}`, rdCompletedOn: '2026-03-01' },
    score: 85,
    opinion: '技术先进，同意认定',
    reviewedAt: new Date().toISOString(),
  };
};

/** A list of `count` entries decided and published on 30 November; its publicity and entries in order. */
async function published(count: number) {
  const batchId = randomUUID();
  const events = Array.from({ length: count }, () => reviewed(batchId));
  for (const e of events) await publishEvent(env, ApplicationReviewed, e);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === count);
  const decisions = events.map((e) => ({ applicationId: e.applicationId, outcome: 'selected' as const }));
  const { list } = await rpc.request<{ list: { id: string } }>(DecideBatch, { batchId, meetingRef: '厅务会纪要〔2026〕5号', meetingOn: '2026-11-27', deliberation: '同意列入', decisions }, department);
  const publicity = await rpc.request<{ id: string }>(PublishList, { decisionListId: list.id, publicationDate: '2026-11-30' }, department);
  const entries = await q<{ id: string; application_id: string }>(`SELECT id, application_id FROM ${S()}.decision_list_entries WHERE decision_list_id = $1 ORDER BY seq`, [list.id]);
  return { batchId, listId: list.id, publicityId: publicity.id, events, entries: entries.map((e) => ({ entryId: e.id, applicationId: e.application_id })) };
}

async function objected(entryId: string) {
  const receipt = await rpc.request<{ receiptNo: string }>(LodgeObjection, { entryId, objectorName: '张三', objectorKind: 'individual', phone: '13800000001', grounds: '该产品已在区外批量销售，不属于首台（套）。' });
  const [row] = await q<{ id: string }>(`SELECT id FROM ${S()}.objections WHERE receipt_no = $1`, [receipt.receiptNo]);
  return row.id;
}
const admit = (id: string) => rpc.request(AssessObjection, { objectionId: id, expectedVersion: 1, outcome: 'under_investigation', reason: '予以受理调查' }, department);

type Doc = { id: string; kind: string; status: string; title: string; body: string; documentNo: string | null; documentDate: string | null; version: number; entries: Array<{ applicationId: string; certificateNo: string | null }> };
type Issuing = { publicityId: string; status: string; closable: boolean; documents: Doc[]; held: Array<{ applicationId: string; objections: Array<{ id: string; status: string }> }> };

const pdfText = (file: { base64: string }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'issuing-')), 'file.pdf');
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
};
const stateOf = async (applicationId: string) => (await q<{ state: string }>(`SELECT state FROM ${S()}.candidates WHERE application_id = $1`, [applicationId]))[0].state;
const issuingOf = async (batchId: string) => (await rpc.request<Issuing[]>(ListIssuing, { batchId }, department))[0]!;

describe('closing and issuing (M9.3)', () => {
  let p: Awaited<ReturnType<typeof published>>;
  let upheldId: string;
  let dismissedId: string;
  let receivedId: string;
  let main: Doc;

  beforeAll(async () => {
    await rpc.setClock(NOW);
    p = await published(4);
    upheldId = await objected(p.entries[1].entryId);
    dismissedId = await objected(p.entries[2].entryId);
    await admit(upheldId);
    await admit(dismissedId);
    receivedId = await objected(p.entries[3].entryId); // received, never assessed before the close
  });

  it('M9.3 closing by command before the end date is refused with the end date, and nothing changes; only the Department closes', async () => {
    const early = await rpc.refusal(ClosePublicity, { publicityId: p.publicityId }, department);
    expect([early.code, early.status, early.error.detail]).toEqual(['PUBLICITY_NOT_OVER', 422, '2026-12-04']);
    expect(await q(`SELECT status FROM ${S()}.publicities WHERE id = $1`, [p.publicityId])).toEqual([{ status: 'open' }]);
    expect(await q(`SELECT 1 FROM ${S()}.recognition_documents WHERE decision_list_id = $1`, [p.listId])).toHaveLength(0);
    for (const actor of [actors.enterprise(USCC), actors.auditor()]) expect((await rpc.refusal(ClosePublicity, { publicityId: p.publicityId }, actor)).status).toBe(403);
    expect((await rpc.refusal(ClosePublicity, { publicityId: 'not-a-uuid' }, department)).status).toBe(400);
    expect((await rpc.refusal(ClosePublicity, { publicityId: randomUUID() }, department)).status).toBe(404);
  });

  it('M9.3 closing after the end drafts the main document from the template, without number or date, leaving out the held entries', async () => {
    await rpc.setClock(AFTER);
    expect((await issuingOf(p.batchId)).closable).toBe(true);
    const closed = await rpc.request<{ draftDocumentId: string; draftedApplicationIds: string[]; heldBack: Array<{ applicationId: string }> }>(ClosePublicity, { publicityId: p.publicityId }, department);
    expect(closed.draftedApplicationIds).toEqual([p.entries[0].applicationId]);
    expect(closed.heldBack.map((h) => h.applicationId)).toEqual(p.entries.slice(1).map((e) => e.applicationId));
    expect((await rpc.refusal(ClosePublicity, { publicityId: p.publicityId }, department)).code).toBe('PUBLICITY_ALREADY_CLOSED');
    const page = await issuingOf(p.batchId);
    expect(page).toMatchObject({ status: 'closed', closable: false });
    [main] = page.documents;
    expect(main).toMatchObject({ id: closed.draftDocumentId, kind: 'main', status: 'draft', documentNo: null, documentDate: null, version: 1 });
    expect(main.title).toBe('关于认定2026年度首台（套）技术装备、首批（次）关键零部件和新材料的通知');
    expect(main.body).toContain('1. 包头北方重型装备有限公司1\u3000大型矿用自卸车1（ZK-1）\u3000技术装备首台（套）');
    expect(main.body).not.toContain('大型矿用自卸车2');
    // No entry stranded: each held one is listed with its case.
    expect(page.held.map((h) => [h.applicationId, h.objections.map((o) => o.status)])).toEqual([
      [p.entries[1].applicationId, ['under_investigation']],
      [p.entries[2].applicationId, ['under_investigation']],
      [p.entries[3].applicationId, ['received']],
    ]);
    expect(await stateOf(p.entries[0].applicationId)).toBe('IN_PUBLICITY');
  });

  it('M9.3 the draft is previewed as PDF by the Department only; the public never sees a draft', async () => {
    const preview = await rpc.request<{ fileName: string; contentType: string; base64: string }>(ExportRecognitionDocumentPdf, { documentId: main.id }, department);
    expect(preview.contentType).toBe('application/pdf');
    const text = pdfText(preview);
    for (const s of ['内蒙古自治区工业和信息化厅文件', '草稿', '关于认定2026年度', '包头北方重型装备有限公司1', '大型矿用自卸车1']) expect(text).toContain(s);
    expect((await rpc.refusal(ExportRecognitionDocumentPdf, { documentId: main.id })).status).toBe(404);
    expect((await rpc.refusal(ExportRecognitionDocumentPdf, { documentId: main.id }, actors.enterprise(USCC))).status).toBe(404);
    // The public route asks for issued documents only: a draft is hidden even from an officer there.
    expect((await rpc.refusal(ExportRecognitionDocumentPdf, { documentId: main.id, issuedOnly: true }, department)).status).toBe(404);
  });

  it('M9.3 M13.2 issuing takes the number and the day, recognizes the entries with certificates; twice or stale is refused and changes nothing', async () => {
    const stale = await rpc.refusal(IssueRecognitionDocument, { documentId: main.id, expectedVersion: 2 }, department);
    expect([stale.code, stale.status]).toEqual(['STALE_VERSION', 409]);
    expect((await rpc.refusal(IssueRecognitionDocument, { documentId: main.id, expectedVersion: 1 }, actors.auditor())).status).toBe(403);
    expect((await rpc.refusal(IssueRecognitionDocument, { documentId: main.id, expectedVersion: 0 }, department)).status).toBe(400);
    expect((await rpc.refusal(IssueRecognitionDocument, { documentId: randomUUID(), expectedVersion: 1 }, department)).code).toBe('DOCUMENT_NOT_FOUND');
    expect((await rpc.refusal(ExportRecognitionDocumentPdf, { documentId: randomUUID() }, department)).code).toBe('DOCUMENT_NOT_FOUND');
    expect(await q(`SELECT status, document_no FROM ${S()}.recognition_documents WHERE id = $1`, [main.id])).toEqual([{ status: 'draft', document_no: null }]);
    expect(await q(`SELECT 1 FROM ${S()}.document_number_sequences`)).toHaveLength(0);

    const issued = await rpc.request<Doc>(IssueRecognitionDocument, { documentId: main.id, expectedVersion: 1 }, department);
    expect(issued).toMatchObject({ status: 'issued', documentNo: '内工信装备认字〔2026〕1号', documentDate: '2026-12-07', version: 2 });
    expect(issued.entries).toEqual([expect.objectContaining({ applicationId: p.entries[0].applicationId, certificateNo: 'NMSTT-2026-0001' })]);
    expect(await stateOf(p.entries[0].applicationId)).toBe('RECOGNIZED');
    expect(await q(`SELECT valid_from, valid_until, certificate_no FROM ${S()}.recognitions WHERE application_id = $1`, [p.entries[0].applicationId])).toEqual([
      { valid_from: '2026-12-07', valid_until: '2029-12-07', certificate_no: 'NMSTT-2026-0001' },
    ]);
    const [event] = await q<{ payload: Record<string, unknown> }>(`SELECT payload FROM ${S()}.outbox_events WHERE subject = 'publicity.recognition.issued.v1' AND payload->>'applicationId' = $1`, [p.entries[0].applicationId]);
    expect(event.payload).toMatchObject({ documentNo: '内工信装备认字〔2026〕1号', documentDate: '2026-12-07', validUntil: '2029-12-07', certificateNo: 'NMSTT-2026-0001' });

    const twice = await rpc.refusal(IssueRecognitionDocument, { documentId: main.id, expectedVersion: 2 }, department);
    expect([twice.code, twice.status]).toEqual(['DOCUMENT_ALREADY_ISSUED', 409]);
    expect(await q(`SELECT last_seq FROM ${S()}.document_number_sequences`)).toEqual([{ last_seq: 1 }]);
  });

  it('M9.3 the issued document is public as PDF in GB/T 9704 layout: the number, title, entries, issuer and date', async () => {
    const text = pdfText(await rpc.request<{ base64: string }>(ExportRecognitionDocumentPdf, { documentId: main.id }));
    for (const s of ['内蒙古自治区工业和信息化厅文件', '内工信装备认字〔2026〕1号', '关于认定2026年度', '包头北方重型装备有限公司1', '大型矿用自卸车1', '2026年12月7日']) expect(text).toContain(s);
    expect(text).not.toContain('草稿');
    const notices = await rpc.request<Array<{ id: string; documents: Array<{ documentNo: string }> }>>(ListPublicNotices, {});
    expect(notices.find((n) => n.id === p.publicityId)!.documents).toEqual([{ id: main.id, kind: 'main', documentNo: '内工信装备认字〔2026〕1号', documentDate: '2026-12-07' }]);
  });

  it('M9.3 entries cleared after the close go into a supplementary draft issued the same way; the upheld one is removed; none is stranded', async () => {
    await rpc.request(DecideObjection, { objectionId: upheldId, expectedVersion: 2, outcome: 'upheld', reason: '经查属实' }, department);
    await rpc.request(DecideObjection, { objectionId: dismissedId, expectedVersion: 2, outcome: 'dismissed', reason: '证据不足' }, department);
    await rpc.request(AssessObjection, { objectionId: receivedId, expectedVersion: 1, outcome: 'inadmissible', reason: '未说明理由' }, department);
    expect(await stateOf(p.entries[1].applicationId)).toBe('REMOVED_AFTER_OBJECTION');
    const page = await issuingOf(p.batchId);
    expect(page.held).toEqual([]);
    expect(page.documents.map((d) => [d.kind, d.status])).toEqual([['main', 'issued'], ['supplementary', 'draft']]);
    const supplementary = page.documents[1]!;
    // The draft grew by the second cleared entry: drafted again, its version moved on.
    expect(supplementary).toMatchObject({ version: 2, documentNo: null, title: '关于补充认定2026年度首台（套）技术装备、首批（次）关键零部件和新材料的通知' });
    expect(supplementary.entries.map((e) => e.applicationId)).toEqual([p.entries[2].applicationId, p.entries[3].applicationId]);
    expect(supplementary.body).toContain('异议，经调查核实不成立');

    const issued = await rpc.request<Doc>(IssueRecognitionDocument, { documentId: supplementary.id, expectedVersion: 2 }, department);
    expect(issued).toMatchObject({ kind: 'supplementary', documentNo: '内工信装备认字〔2026〕2号', documentDate: '2026-12-07' });
    expect(issued.entries.map((e) => e.certificateNo)).toEqual(['NMSTT-2026-0002', 'NMSTT-2026-0003']);
    expect(await stateOf(p.entries[1].applicationId)).toBe('REMOVED_AFTER_OBJECTION');
  });

  it('M9.3 M13.1 the enterprise downloads its certificate with the QR code of its verification URL; another enterprise cannot', async () => {
    const applicationId = p.entries[0].applicationId;
    const file = await rpc.request<{ fileName: string; base64: string }>(ExportCertificatePdf, { applicationId }, actors.enterprise(USCC));
    expect(file.fileName).toBe('认定证书NMSTT-2026-0001.pdf');
    const text = pdfText(file);
    for (const s of ['认定证书', 'NMSTT-2026-0001', '包头北方重型装备有限公司1', '大型矿用自卸车1', '内工信装备认字〔2026〕1号', '2029年12月7日', '/public/verify?no=NMSTT-2026-0001']) expect(text).toContain(s);
    expect((await rpc.refusal(ExportCertificatePdf, { applicationId }, actors.enterprise('91150100MA0Q7Y8X2K'))).status).toBe(404);
    expect((await rpc.refusal(ExportCertificatePdf, { applicationId })).status).toBe(401);
    expect((await rpc.refusal(ExportCertificatePdf, { applicationId: p.entries[1].applicationId }, department)).status).toBe(404);
    const verified = await rpc.request<{ matched: string; recognitions: Array<{ status: string }> }>(VerifyRecognition, { no: 'NMSTT-2026-0001' });
    expect(verified).toMatchObject({ matched: 'certificate', recognitions: [{ status: 'valid' }] });
  });

  it('M9.3 two documents issued at once take consecutive numbers and certificates, without gaps or duplicates', async () => {
    await rpc.setClock(NOW);
    const a = await published(2);
    const b = await published(2);
    await rpc.setClock(AFTER);
    const drafts: string[] = [];
    for (const x of [a, b]) drafts.push((await rpc.request<{ draftDocumentId: string }>(ClosePublicity, { publicityId: x.publicityId }, department)).draftDocumentId);
    const issued = await Promise.all(drafts.map((documentId) => rpc.request<Doc>(IssueRecognitionDocument, { documentId, expectedVersion: 1 }, department)));
    expect(issued.map((d) => d.documentNo).sort()).toEqual(['内工信装备认字〔2026〕3号', '内工信装备认字〔2026〕4号']);
    expect(issued.flatMap((d) => d.entries.map((e) => e.certificateNo)).sort()).toEqual(['NMSTT-2026-0004', 'NMSTT-2026-0005', 'NMSTT-2026-0006', 'NMSTT-2026-0007']);
    // Both officers issue the same draft at once: one succeeds, the other is told it is issued.
    await rpc.setClock(NOW);
    const c = await published(1);
    await rpc.setClock(AFTER);
    const { draftDocumentId } = await rpc.request<{ draftDocumentId: string }>(ClosePublicity, { publicityId: c.publicityId }, department);
    const race = await Promise.allSettled([1, 2].map(() => rpc.request<Doc>(IssueRecognitionDocument, { documentId: draftDocumentId, expectedVersion: 1 }, actors.department())));
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as { code: string }).code).toBe('DOCUMENT_ALREADY_ISSUED');
    expect(await q(`SELECT last_seq FROM ${S()}.document_number_sequences WHERE year = 2026`)).toEqual([{ last_seq: 5 }]);
  });
});
