import { randomUUID } from 'node:crypto';
import {
  AnswerObjectionInquiry,
  ApplicationReviewed,
  ApplicationReviewedV1,
  AskObjectionParty,
  AssessObjection,
  AttachInquiryFile,
  AttachObjectionEvidence,
  AuthorizeInquiryAttachmentUpload,
  AuthorizeObjectionFileDownload,
  FindUnreferencedObjectionFiles,
  CloseDuePublicities,
  DecideBatch,
  DecideObjection,
  FollowObjection,
  GetObjection,
  ListMyInquiries,
  ListObjections,
  LodgeObjection,
  LodgeObjectionV1,
  PublishList,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { publicityModule } from '../src/publicity.module';

// Objections to a publicized list handled as cases (M9.2, M9.3; ADR 0025): lodged by anyone in
// time, followed with the receipt number and phone, assessed, investigated with questions to the
// parties, upheld (the entry leaves the list) or dismissed; an open one holds its entry at closing.
const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const USCC = '91150200MA0N4KXX4C';
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
// Monday 30 November 2026, 10:00 in China; the publicity from that day ends on Friday 4 December.
const NOW = new Date('2026-11-30T02:00:00Z');

interface Detail {
  id: string;
  version: number;
  status: string;
  entryState: string;
  inquiries: Array<{ id: string; party: string; partyRef: string; answer: string | null }>;
  next: string[];
}

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

const reviewed = (batchId: string, n: number): ApplicationReviewedV1 => ({
  applicationId: randomUUID(),
  batchId,
  applicationNo: `2026-150200-${String(n).padStart(5, '0')}`,
  prefectureId: '150200',
  enterprise: { uscc: USCC, name: `包头北方重型装备有限公司${n}`, registeredAddress: '包头市青山区' },
  product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${n}`, rdCompletedOn: '2026-03-01' },
  score: 85,
  opinion: '技术先进，同意认定',
  reviewedAt: new Date().toISOString(),
});

/** A decided list of `count` entries, published on `publicationDate` unless null; its entry ids in order. */
async function list(count: number, publicationDate: string | null = '2026-11-30') {
  const batchId = randomUUID();
  const events = Array.from({ length: count }, (_, i) => reviewed(batchId, i + 1));
  for (const e of events) await publishEvent(env, ApplicationReviewed, e);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === count);
  const decisions = events.map((e) => ({ applicationId: e.applicationId, outcome: 'selected' as const }));
  // A publication is never back-dated (M9.2): a list published in the past was decided and published then.
  const past = publicationDate !== null && publicationDate < '2026-11-30';
  if (past) await rpc.setClock(new Date(`${publicationDate}T02:00:00Z`));
  const { list: decided } = await rpc.request<{ list: { id: string } }>(DecideBatch, { batchId, meetingRef: '厅务会纪要〔2026〕2号', meetingOn: '2026-09-28', deliberation: '同意列入', decisions }, department);
  if (publicationDate) await rpc.request(PublishList, { decisionListId: decided.id, publicationDate }, department);
  if (past) await rpc.setClock(NOW);
  const entries = await q<{ id: string; application_id: string }>(
    `SELECT id, application_id FROM ${S()}.decision_list_entries WHERE decision_list_id = $1 ORDER BY seq, application_id`,
    [decided.id],
  );
  return { listId: decided.id, entries: entries.map((e) => ({ entryId: e.id, applicationId: e.application_id })) };
}

const objection = (entryId: string, phone = '13800000001'): LodgeObjectionV1 => ({
  entryId,
  objectorName: '张三',
  objectorKind: 'individual',
  phone,
  grounds: '该产品在公示前已在区外批量销售，不属于首台（套）。',
});

/** Lodged anonymously, and its Department id. */
async function lodged(entryId: string, phone = '13800000001') {
  const receipt = await rpc.request<{ receiptNo: string }>(LodgeObjection, objection(entryId, phone));
  const [row] = await q<{ id: string }>(`SELECT id FROM ${S()}.objections WHERE receipt_no = $1`, [receipt.receiptNo]);
  return { receiptNo: receipt.receiptNo, id: row.id };
}

const admitted = async (id: string) =>
  rpc.request<Detail>(AssessObjection, { objectionId: id, expectedVersion: 1, outcome: 'under_investigation', reason: '理由具体，予以受理调查' }, department);
const stateOf = async (applicationId: string) =>
  (await q<{ state: string }>(`SELECT state FROM ${S()}.candidates WHERE application_id = $1`, [applicationId]))[0].state;
const objectionCount = async () => Number((await q<{ n: string }>(`SELECT count(*) AS n FROM ${S()}.objections`))[0].n);

describe('objections as cases', () => {
  it('M9.2 lets anyone object in time with a receipt number, which with the phone (and only with it) shows the case', async () => {
    const { entries } = await list(1);
    const receipt = await rpc.request<{ receiptNo: string; status: string }>(LodgeObjection, objection(entries[0].entryId));
    expect(receipt.receiptNo).toMatch(/^2026-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(receipt.status).toBe('received');
    const followed = await rpc.request<Record<string, unknown>>(FollowObjection, { receiptNo: receipt.receiptNo, phone: '138 0000 0001' });
    expect(followed).toMatchObject({ status: 'received', entry: { applicationNo: '2026-150200-00001' }, outcomeReason: null });
    expect(JSON.stringify(followed)).not.toContain('张三');
    const wrongPhone = await rpc.refusal(FollowObjection, { receiptNo: receipt.receiptNo, phone: '13800000002' });
    const wrongReceipt = await rpc.refusal(FollowObjection, { receiptNo: '2026-AAAA-AAAA', phone: '13800000001' });
    expect([wrongPhone.status, wrongPhone.code, wrongPhone.error.detail]).toEqual([404, 'OBJECTION_NOT_FOUND', wrongReceipt.error.detail]);
    expect(wrongReceipt.code).toBe('OBJECTION_NOT_FOUND');
    expect(await q(`SELECT 1 FROM ${S()}.outbox_events WHERE subject = 'publicity.objection.lodged.v1' AND payload->>'applicationId' = $1`, [entries[0].applicationId])).toHaveLength(1);
    const [audit] = await q<{ actor_role: string }>(`SELECT actor_role FROM ${S()}.audit_records WHERE action = 'objection.lodge' AND outcome = 'succeeded' LIMIT 1`);
    expect(audit.actor_role).toBe('public');
  });

  it('M9.2 refuses an objection after the publicity (naming its end date), before it, and to a list not published, writing nothing', async () => {
    const before = await objectionCount();
    const late = await list(1, '2026-09-30');
    const err = await rpc.refusal(LodgeObjection, objection(late.entries[0].entryId));
    expect([err.status, err.code, err.error.detail]).toEqual([422, 'OBJECTION_PERIOD_OVER', '2026-10-12']);
    const early = await list(1, '2026-12-10');
    const tooEarly = await rpc.refusal(LodgeObjection, objection(early.entries[0].entryId));
    expect([tooEarly.status, tooEarly.code, tooEarly.error.detail]).toEqual([422, 'OBJECTION_PERIOD_NOT_STARTED', '2026-12-10']);
    const unpublished = await list(1, null);
    expect((await rpc.refusal(LodgeObjection, objection(unpublished.entries[0].entryId))).code).toBe('OBJECTION_ENTRY_NOT_FOUND');
    expect((await rpc.refusal(LodgeObjection, objection(randomUUID()))).status).toBe(404);
    const bad = await rpc.refusal(LodgeObjection, { ...objection(early.entries[0].entryId), phone: 'call me', grounds: '短' });
    expect([bad.status, bad.error.errors?.map((e: { field: string }) => e.field).sort()]).toEqual([400, ['grounds', 'phone']]);
    expect(await objectionCount()).toBe(before);
  });

  it('M9.3 finds an objection inadmissible with reasons the objector reads; the entry stays in publicity; stale and repeated changes are 409', async () => {
    const { entries } = await list(1);
    const o = await lodged(entries[0].entryId);
    for (const actor of [actors.auditor(), actors.prefecture('150200'), actors.enterprise(USCC)]) {
      const refused = await rpc.refusal(AssessObjection, { objectionId: o.id, expectedVersion: 1, outcome: 'inadmissible', reason: '无' }, actor);
      expect(refused.status).toBe(403);
    }
    const stale = await rpc.refusal(AssessObjection, { objectionId: o.id, expectedVersion: 2, outcome: 'inadmissible', reason: '无' }, department);
    expect([stale.status, stale.code]).toEqual([409, 'STALE_VERSION']);
    const done = await rpc.request<Detail>(AssessObjection, { objectionId: o.id, expectedVersion: 1, outcome: 'inadmissible', reason: '未提供任何事实依据' }, department);
    expect([done.status, done.version, done.next, done.entryState]).toEqual(['inadmissible', 2, [], 'IN_PUBLICITY']);
    const followed = await rpc.request<{ status: string; inadmissibleReason: string }>(FollowObjection, { receiptNo: o.receiptNo, phone: '13800000001' });
    expect(followed).toMatchObject({ status: 'inadmissible', inadmissibleReason: '未提供任何事实依据' });
    const again = await rpc.refusal(AssessObjection, { objectionId: o.id, expectedVersion: 2, outcome: 'under_investigation', reason: '再议' }, department);
    expect([again.status, again.code]).toEqual([409, 'OBJECTION_STATUS']);
    const decide = await rpc.refusal(DecideObjection, { objectionId: o.id, expectedVersion: 2, outcome: 'upheld', reason: '成立' }, department);
    expect(decide.code).toBe('OBJECTION_STATUS');
    expect(await stateOf(entries[0].applicationId)).toBe('IN_PUBLICITY');
  });

  it('M9.3 investigates with questions to the entry\'s prefecture, enterprise and a named institution; only the party asked sees and answers', async () => {
    const { entries } = await list(1);
    const o = await lodged(entries[0].entryId);
    const early = await rpc.refusal(AskObjectionParty, { objectionId: o.id, expectedVersion: 1, party: 'prefecture', question: '请核实', dueOn: '2026-12-07' }, department);
    expect(early.code).toBe('OBJECTION_STATUS'); // not before it is admitted
    const open = await admitted(o.id);
    expect([open.status, open.entryState, open.next]).toEqual(['under_investigation', 'OBJECTION_UNDER_INVESTIGATION', ['upheld', 'dismissed']]);
    expect(await stateOf(entries[0].applicationId)).toBe('OBJECTION_UNDER_INVESTIGATION');
    const ask = (v: number, party: string, extra: Record<string, unknown> = {}) =>
      rpc.request<Detail>(AskObjectionParty, { objectionId: o.id, expectedVersion: v, party, question: '请核实该产品的首次销售时间', dueOn: '2026-12-07', ...extra }, department);
    const past = await rpc.refusal(AskObjectionParty, { objectionId: o.id, expectedVersion: 2, party: 'prefecture', question: '请核实', dueOn: '2026-11-29' }, department);
    expect([past.status, past.code]).toEqual([422, 'INQUIRY_DUE_PAST']);
    const nameless = await rpc.refusal(AskObjectionParty, { objectionId: o.id, expectedVersion: 2, party: 'institution', question: '请核实', dueOn: '2026-12-07' }, department);
    expect([nameless.status, nameless.code]).toEqual([422, 'INQUIRY_PARTY_REQUIRED']);
    await ask(2, 'prefecture', { partyRef: '150100' }); // the entry's prefecture, whatever was sent
    await ask(3, 'enterprise');
    const institutionId = randomUUID();
    const asked = await ask(4, 'institution', { partyRef: institutionId });
    expect(asked.inquiries.map((i) => [i.party, i.partyRef])).toEqual([['prefecture', '150200'], ['enterprise', USCC], ['institution', institutionId]]);
    expect((await rpc.refusal(AskObjectionParty, { objectionId: o.id, expectedVersion: 4, party: 'enterprise', question: '再问', dueOn: '2026-12-07' }, department)).status).toBe(409);
    const [toPrefecture, toEnterprise] = asked.inquiries;
    // Another prefecture's officer, another enterprise, another institution: nothing to see, nothing to answer.
    for (const stranger of [actors.prefecture('150100'), actors.enterprise('91150100MA0P7RYY69'), actors.institution(randomUUID())]) {
      expect(await rpc.request(ListMyInquiries, {}, stranger)).toEqual([]);
      const refused = await rpc.refusal(AnswerObjectionInquiry, { inquiryId: toPrefecture.id, answer: '不是我们的' }, stranger);
      expect([refused.status, refused.code]).toEqual([404, 'INQUIRY_NOT_FOUND']);
    }
    expect((await rpc.refusal(AnswerObjectionInquiry, { inquiryId: toPrefecture.id, answer: '无' }, actors.auditor())).status).toBe(403);
    const prefecture = actors.prefecture('150200');
    const mine = await rpc.request<Array<{ id: string; grounds: string }>>(ListMyInquiries, {}, prefecture);
    expect(mine.map((i) => i.id)).toContain(toPrefecture.id);
    expect(JSON.stringify(mine)).not.toContain('13800000001');
    const answered = await rpc.request<{ answer: string }>(AnswerObjectionInquiry, { inquiryId: toPrefecture.id, answer: '经核实，首次销售在 2026 年 5 月' }, prefecture);
    expect(answered.answer).toBe('经核实，首次销售在 2026 年 5 月');
    expect((await rpc.refusal(AnswerObjectionInquiry, { inquiryId: toPrefecture.id, answer: '再答' }, prefecture)).code).toBe('INQUIRY_ALREADY_ANSWERED');
    await rpc.request(AnswerObjectionInquiry, { inquiryId: toEnterprise.id, answer: '销售合同附后' }, actors.enterprise(USCC));
    expect((await rpc.request(ListMyInquiries, {}, actors.institution(institutionId))) as unknown[]).toHaveLength(1);
    const [event] = await q<{ payload: { party: string; partyRef: string } }>(
      `SELECT payload FROM ${S()}.outbox_events WHERE subject = 'publicity.objection.inquiry-asked.v1' AND payload->>'inquiryId' = $1`,
      [toEnterprise.id],
    );
    expect(event.payload).toMatchObject({ party: 'enterprise', partyRef: USCC });
    const detail = await rpc.request<Detail>(GetObjection, { id: o.id }, actors.auditor());
    expect(detail.inquiries.map((i) => i.answer)).toEqual(['经核实，首次销售在 2026 年 5 月', '销售合同附后', null]);
  });

  it('M9.3 upholds an objection: the entry is REMOVED_AFTER_OBJECTION, the enterprise is told, and no more objections are taken on it', async () => {
    const { entries } = await list(1);
    const o = await lodged(entries[0].entryId);
    await admitted(o.id);
    const upheld = await rpc.request<Detail>(DecideObjection, { objectionId: o.id, expectedVersion: 2, outcome: 'upheld', reason: '经核实已批量销售' }, department);
    expect([upheld.status, upheld.entryState, upheld.next]).toEqual(['upheld', 'REMOVED_AFTER_OBJECTION', []]);
    expect(await stateOf(entries[0].applicationId)).toBe('REMOVED_AFTER_OBJECTION');
    const [event] = await q<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM ${S()}.outbox_events WHERE subject = 'publicity.objection.decided.v1' AND payload->>'objectionId' = $1`,
      [o.id],
    );
    expect(event.payload).toMatchObject({ outcome: 'upheld', enterpriseUscc: USCC, reason: '经核实已批量销售', entryState: 'REMOVED_AFTER_OBJECTION' });
    const followed = await rpc.request<{ status: string; outcomeReason: string }>(FollowObjection, { receiptNo: o.receiptNo, phone: '13800000001' });
    expect(followed).toMatchObject({ status: 'upheld', outcomeReason: '经核实已批量销售' });
    const more = await rpc.refusal(LodgeObjection, objection(entries[0].entryId));
    expect([more.status, more.code]).toEqual([422, 'OBJECTION_ENTRY_REMOVED']);
  });

  it('M9.3 dismisses: the entry returns IN_PUBLICITY only when no other objection on it is still under investigation', async () => {
    const { listId, entries } = await list(1);
    const first = await lodged(entries[0].entryId);
    const second = await lodged(entries[0].entryId, '0471-6600000');
    await admitted(first.id);
    await admitted(second.id);
    const one = await rpc.request<Detail>(DecideObjection, { objectionId: first.id, expectedVersion: 2, outcome: 'dismissed', reason: '所述情况与事实不符' }, department);
    expect([one.status, one.entryState]).toEqual(['dismissed', 'OBJECTION_UNDER_INVESTIGATION']);
    const two = await rpc.request<Detail>(DecideObjection, { objectionId: second.id, expectedVersion: 2, outcome: 'dismissed', reason: '证据不足' }, department);
    expect([two.status, two.entryState]).toEqual(['dismissed', 'IN_PUBLICITY']);
    expect((await rpc.refusal(DecideObjection, { objectionId: second.id, expectedVersion: 3, outcome: 'upheld', reason: '改判' }, department)).code).toBe('OBJECTION_STATUS');
    const listed = await rpc.request<Array<{ id: string; status: string }>>(ListObjections, { decisionListId: listId }, actors.auditor());
    expect(listed.map((o) => o.status)).toEqual(['dismissed', 'dismissed']);
    expect(await rpc.request(ListObjections, { decisionListId: listId, status: 'upheld' }, department)).toEqual([]);
    expect((await rpc.refusal(ListObjections, {}, actors.enterprise(USCC))).status).toBe(403);
    expect((await rpc.refusal(GetObjection, { id: randomUUID() }, department)).status).toBe(404);
  });

  // Last: it moves the clock past every publicity of this file.
  it('M9.3 holds an entry whose objection is open when the publicity closes; the others go into the draft; later objections are late', async () => {
    const { listId, entries } = await list(3);
    await lodged(entries[0].entryId); // received, not yet assessed
    const investigated = await lodged(entries[1].entryId);
    await admitted(investigated.id);
    await rpc.setClock(new Date('2026-12-05T02:00:00Z'));
    try {
      const run = await rpc.request<{ closed: Array<{ decisionListId: string; draftedApplicationIds: string[]; heldBack: Array<{ applicationId: string; reason: string }> }> }>(
        CloseDuePublicities,
        {},
        department,
      );
      const closed = run.closed.find((c) => c.decisionListId === listId)!;
      expect(closed.draftedApplicationIds).toEqual([entries[2].applicationId]);
      expect(closed.heldBack.map((h) => h.applicationId).sort()).toEqual([entries[0].applicationId, entries[1].applicationId].sort());
      expect(closed.heldBack.every((h) => h.reason.includes('an objection is open'))).toBe(true);
      const late = await rpc.refusal(LodgeObjection, objection(entries[2].entryId));
      expect([late.code, late.error.detail]).toEqual(['OBJECTION_PERIOD_OVER', '2026-12-04']);
    } finally {
      await rpc.setClock(NOW);
    }
  });

  it('M9.3 files: the party asked attaches up to 5 to its answer before answering; the Department alone is granted a download (audited); the sweep keeps what objections refer to', async () => {
    const { entries } = await list(1);
    const o = await lodged(entries[0].entryId, '13800000077');
    const file = (n: number) => ({ fileName: `附件${n}.pdf`, mediaType: 'pdf', size: 100 + n, sha256: String(n).padStart(64, 'a'), objectKey: `sha256/aa/${String(n).padStart(64, 'a')}` });
    const evidence = file(0);
    await rpc.request(AttachObjectionEvidence, { receiptNo: o.receiptNo, phone: '13800000077', ...evidence });
    const open = await rpc.request<Detail>(AssessObjection, { objectionId: o.id, expectedVersion: 2, outcome: 'under_investigation', reason: '予以受理' }, department);
    const asked = await rpc.request<Detail>(AskObjectionParty, { objectionId: o.id, expectedVersion: open.version, party: 'prefecture', question: '请核实', dueOn: '2026-12-07' }, department);
    const inquiryId = asked.inquiries[0]!.id;
    const prefecture = actors.prefecture('150200');
    const grant = await rpc.request<{ maxBytes: number; allowedTypes: string[] }>(AuthorizeInquiryAttachmentUpload, { inquiryId }, prefecture);
    expect(grant).toEqual({ maxBytes: 20 * 1024 * 1024, allowedTypes: ['pdf', 'jpg', 'png'], sm3: false });
    expect((await rpc.refusal(AuthorizeInquiryAttachmentUpload, { inquiryId }, actors.prefecture('150100'))).code).toBe('INQUIRY_NOT_FOUND');
    expect((await rpc.refusal(AttachInquiryFile, { inquiryId, ...file(1) }, actors.enterprise(USCC))).code).toBe('INQUIRY_NOT_FOUND');
    for (let n = 1; n <= 5; n++) await rpc.request(AttachInquiryFile, { inquiryId, ...file(n) }, prefecture);
    const again = await rpc.request<{ attachments: unknown[] }>(AttachInquiryFile, { inquiryId, ...file(5) }, prefecture); // the same file: kept once
    expect(again.attachments).toHaveLength(5);
    expect((await rpc.refusal(AttachInquiryFile, { inquiryId, ...file(6) }, prefecture)).code).toBe('OBJECTION_ATTACHMENTS_FULL');
    expect((await rpc.refusal(AuthorizeInquiryAttachmentUpload, { inquiryId }, prefecture)).code).toBe('OBJECTION_ATTACHMENTS_FULL');
    await rpc.request(AnswerObjectionInquiry, { inquiryId, answer: '核实情况见附件' }, prefecture);
    expect((await rpc.refusal(AuthorizeInquiryAttachmentUpload, { inquiryId }, prefecture)).code).toBe('INQUIRY_ALREADY_ANSWERED');
    const detail = await rpc.request<{ attachments: Array<{ sha256: string }>; inquiries: Array<{ attachments: Array<{ fileName: string; objectKey?: string }> }> }>(GetObjection, { id: o.id }, department);
    expect(detail.inquiries[0]!.attachments.map((a) => a.fileName)).toEqual(['附件1.pdf', '附件2.pdf', '附件3.pdf', '附件4.pdf', '附件5.pdf']);
    expect(JSON.stringify(detail)).not.toContain('objectKey');
    const got = await rpc.request(AuthorizeObjectionFileDownload, { objectionId: o.id, sha256: evidence.sha256 }, department);
    expect(got).toEqual({ objectKey: evidence.objectKey, fileName: '附件0.pdf', mediaType: 'application/pdf', size: 100, sha256: evidence.sha256 });
    const answerFile = await rpc.request<{ objectKey: string }>(AuthorizeObjectionFileDownload, { objectionId: o.id, inquiryId, sha256: file(3).sha256 }, department);
    expect(answerFile.objectKey).toBe(file(3).objectKey);
    // The evidence is not the answer's: asked under the inquiry, it is not found; other roles are refused.
    expect((await rpc.refusal(AuthorizeObjectionFileDownload, { objectionId: o.id, inquiryId, sha256: evidence.sha256 }, department)).code).toBe('OBJECTION_FILE_NOT_FOUND');
    for (const actor of [prefecture, actors.auditor(), actors.enterprise(USCC)]) {
      expect((await rpc.refusal(AuthorizeObjectionFileDownload, { objectionId: o.id, sha256: evidence.sha256 }, actor)).status).toBe(403);
    }
    const audit = await q<{ outcome: string }>(`SELECT outcome FROM ${S()}.audit_records WHERE action = 'objection.file-download' AND object_id = $1`, [o.id]);
    expect(audit.map((a) => a.outcome).sort()).toEqual(['rejected', 'succeeded', 'succeeded']);
    const sweep = await rpc.request<{ unreferenced: string[] }>(
      FindUnreferencedObjectionFiles,
      { objectKeys: [evidence.objectKey, file(2).objectKey, `sha256/ff/${'f'.repeat(64)}`] },
      { userId: 'sweeper', role: 'system' },
    );
    expect(sweep.unreferenced).toEqual([`sha256/ff/${'f'.repeat(64)}`]);
    expect((await rpc.refusal(FindUnreferencedObjectionFiles, { objectKeys: [] }, department)).status).toBe(403);
  });
});
