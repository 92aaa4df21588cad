import { randomUUID } from 'node:crypto';
import {
  AnswerSiteFinding,
  AssignExpert,
  AttachSiteEvidence,
  AuthorizeSiteEvidenceDownload,
  AuthorizeSiteEvidenceUpload,
  CancelSiteVisit,
  CommissionInstitution,
  ConcludeSiteVisit,
  FindUnreferencedSiteEvidence,
  ListSiteVisits,
  RecordSiteFinding,
  RecuseAssignment,
  ScheduleSiteVisit,
  UpdateSiteVisit,
} from '@firstset/contracts';
import { addDays, toShanghaiDate } from '@firstset/domain';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { expertManagementModule } from '../src/expert-management.module';
import { recommend, recommended } from './review-fixtures';

/** Issue 17 item 5: on-site verification (现场核查) of an application under comprehensive review (M8.2, M11.1). */
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;

const schema = () => schemaOf(env, 'expert-management');
const USCC = '91150200MA0N4KXX4C';
const department = actors.department();
const ids = { centre: randomUUID(), other: randomUUID(), wang: randomUUID(), li: randomUUID(), zhang: randomUUID() };
const staff = actors.institution(ids.centre);
const otherStaff = actors.institution(ids.other);
const wang = actors.expert(ids.wang);
const zhang = actors.expert(ids.zhang);
const applicant = actors.enterprise(USCC);
const stranger = actors.enterprise('91150100MA0N0000XX');
const today = toShanghaiDate(new Date());
const nextWeek = addDays(today, 7);

interface Evidence { id: string; fileName: string; mediaType: string; size: number }
interface Finding { id: string; itemNo: number; item: string; result: string; evidence: Evidence[]; answer: string | null; answerEvidence: Evidence[] }
interface Visit {
  id: string;
  status: string;
  visitOn: string;
  address: string;
  notice: string;
  members?: Array<{ expertId: string; name: string }>;
  memberCount: number;
  conclusion: string | null;
  version: number;
  findings: Finding[];
}

const sha = () => randomUUID().replace(/-/g, '').padEnd(64, '0');
const file = (visitId: string, findingId: string, h = sha()) => ({
  visitId,
  findingId,
  fileName: '生产线照片.jpg',
  size: 2048,
  mediaType: 'jpg',
  sha256: h,
  objectKey: `sha256/${h.slice(0, 2)}/${h}`,
});

/** A case under review in a batch of its own with Wang and Li on the panel (Zhang is in the pool, not on the panel). */
async function underReview(): Promise<string> {
  const batchId = randomUUID();
  await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, department);
  const e = recommended(batchId);
  await recommend(env, e);
  for (const expertId of [ids.wang, ids.li]) await rpc.request(AssignExpert, { applicationId: e.applicationId, expertId }, staff);
  return e.applicationId;
}

const plan = (applicationId: string, over: Record<string, unknown> = {}) => ({
  applicationId,
  visitOn: nextWeek,
  address: '包头市青山区装备产业园 3 号厂房',
  notice: '请准备生产线、检测报告原件和销售合同，并安排技术负责人陪同。',
  memberExpertIds: [ids.wang, ids.li],
  ...over,
});

const visitRows = (applicationId: string) => sql<Record<string, unknown>>(env, `SELECT * FROM "${schema()}".site_visits WHERE application_id = $1`, [applicationId]);
const findingRows = (visitId: string) => sql<Record<string, unknown>>(env, `SELECT * FROM "${schema()}".site_findings WHERE visit_id = $1 ORDER BY item_no`, [visitId]);
const outboxOf = (visitId: string) =>
  sql<{ subject: string; payload: Record<string, unknown> }>(env, `SELECT subject, payload FROM "${schema()}".outbox_events WHERE payload->>'visitId' = $1 ORDER BY occurred_at`, [visitId]);

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  const s = schema();
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc) VALUES ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H'), ($2, '另一家评价机构', '12150000MB7654321X')`, [ids.centre, ids.other]);
  await sql(env, `INSERT INTO "${s}".experts (id, name, institution_id, field) VALUES ($1, '王明', $4, '矿山装备'), ($2, '李华', $4, '新材料'), ($3, '张伟', $4, '电力装备')`,
    [ids.wang, ids.li, ids.zhang, ids.centre]);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('scheduling a visit (M8.2)', () => {
  it('M8.2 the institution schedules a visit with members from the panel; the case stays under comprehensive review and the enterprise is told', async () => {
    const id = await underReview();
    const v = await rpc.request<Visit>(ScheduleSiteVisit, plan(id), staff);
    expect(v).toMatchObject({ status: 'scheduled', visitOn: nextWeek, memberCount: 2, version: 1, findings: [] });
    expect(v.members!.map((m) => m.name).sort()).toEqual(['李华', '王明']);
    const [row] = await visitRows(id);
    expect(row).toMatchObject({ status: 'scheduled', visit_on: nextWeek, member_expert_ids: [ids.wang, ids.li] });
    const cases = await sql<{ state: string }>(env, `SELECT state FROM "${schema()}".review_cases WHERE id = $1`, [id]);
    expect(cases[0]!.state).toBe('UNDER_COMPREHENSIVE_REVIEW');
    const events = await outboxOf(v.id);
    expect(events).toEqual([expect.objectContaining({ subject: 'expert-management.site-visit.scheduled.v1', payload: expect.objectContaining({ memberCount: 2, visitOn: nextWeek }) })]);
    expect(events[0]!.payload).not.toHaveProperty('memberExpertIds');
  });

  it('M8.2 a date before today (Beijing), a member off the panel, no member, or a recused member are refused and nothing is stored', async () => {
    const id = await underReview();
    const past = await rpc.refusal(ScheduleSiteVisit, plan(id, { visitOn: addDays(today, -1) }), staff);
    expect([past.code, past.status]).toEqual(['SITE_VISIT_DATE_PAST', 422]);
    const off = await rpc.refusal(ScheduleSiteVisit, plan(id, { memberExpertIds: [ids.wang, ids.zhang] }), staff);
    expect([off.code, off.status]).toEqual(['SITE_VISIT_MEMBER_NOT_ON_PANEL', 422]);
    expect((await rpc.refusal(ScheduleSiteVisit, plan(id, { memberExpertIds: [] }), staff)).status).toBe(400);
    expect((await rpc.refusal(ScheduleSiteVisit, plan(id, { visitOn: '2026-02-30' }), staff)).status).toBe(400);
    await rpc.request(RecuseAssignment, { applicationId: id, reason: '曾在该企业任职' }, wang);
    expect((await rpc.refusal(ScheduleSiteVisit, plan(id), staff)).code).toBe('SITE_VISIT_MEMBER_NOT_ON_PANEL');
    expect(await visitRows(id)).toEqual([]);
  });

  it('M8.2 M11.1 another institution is told the case does not exist; an expert or the applicant cannot schedule', async () => {
    const id = await underReview();
    const other = await rpc.refusal(ScheduleSiteVisit, plan(id), otherStaff);
    expect([other.code, other.status]).toEqual(['NOT_FOUND', 404]);
    expect((await rpc.refusal(ScheduleSiteVisit, plan(id), wang)).status).toBe(403);
    expect((await rpc.refusal(ScheduleSiteVisit, plan(id), applicant)).status).toBe(403);
    expect(await visitRows(id)).toEqual([]);
  });

  it('M8.2 a revision from the version read is told to the enterprise as revised; a stale one is refused with 409', async () => {
    const id = await underReview();
    const v = await rpc.request<Visit>(ScheduleSiteVisit, plan(id), staff);
    const { applicationId: _, ...rest } = plan(id, { visitOn: addDays(today, 10), memberExpertIds: [ids.wang] });
    const revised = await rpc.request<Visit>(UpdateSiteVisit, { ...rest, visitId: v.id, expectedVersion: 1 }, staff);
    expect(revised).toMatchObject({ visitOn: addDays(today, 10), memberCount: 1, version: 2 });
    const stale = await rpc.refusal(UpdateSiteVisit, { ...rest, visitId: v.id, expectedVersion: 1, address: '别处' }, staff);
    expect([stale.code, stale.status]).toEqual(['STALE_VERSION', 409]);
    expect((await rpc.refusal(UpdateSiteVisit, { ...rest, visitId: v.id, expectedVersion: 2 }, otherStaff)).status).toBe(404);
    expect((await visitRows(id))[0]).toMatchObject({ address: rest.address, version: 2 });
    expect((await outboxOf(v.id)).map((e) => e.payload.revised ?? false)).toEqual([false, true]);
  });

  it('M8.2 a cancelled visit keeps its reason, is told to the enterprise, and takes no more findings or edits', async () => {
    const id = await underReview();
    const v = await rpc.request<Visit>(ScheduleSiteVisit, plan(id), staff);
    expect((await rpc.refusal(CancelSiteVisit, { visitId: v.id, reason: '企业停产检修' }, otherStaff)).status).toBe(404);
    const c = await rpc.request<Visit>(CancelSiteVisit, { visitId: v.id, reason: '企业停产检修' }, staff);
    expect(c.status).toBe('cancelled');
    const again = await rpc.refusal(CancelSiteVisit, { visitId: v.id, reason: '再次' }, staff);
    expect([again.code, again.status]).toEqual(['SITE_VISIT_NOT_SCHEDULED', 409]);
    expect((await rpc.refusal(RecordSiteFinding, { visitId: v.id, item: '生产线', result: 'conforms', description: '正常' }, staff)).code).toBe('SITE_VISIT_NOT_SCHEDULED');
    expect((await visitRows(id))[0]).toMatchObject({ status: 'cancelled', cancel_reason: '企业停产检修' });
    expect((await outboxOf(v.id)).map((e) => e.subject)).toEqual(['expert-management.site-visit.scheduled.v1', 'expert-management.site-visit.cancelled.v1']);
  });
});

describe('findings, evidence and the conclusion (M8.2)', () => {
  it('M8.2 findings are numbered, carry photos, and a conclusion needs at least one; after it nothing more is recorded', async () => {
    const id = await underReview();
    const v = await rpc.request<Visit>(ScheduleSiteVisit, plan(id), staff);
    const none = await rpc.refusal(ConcludeSiteVisit, { visitId: v.id, conclusion: 'confirmed', note: '属实' }, staff);
    expect([none.code, none.status]).toEqual(['SITE_VISIT_NO_FINDINGS', 422]);
    expect((await rpc.refusal(RecordSiteFinding, { visitId: v.id, item: '生产线', result: 'maybe' as never, description: '—' }, staff)).status).toBe(400);
    await rpc.request(RecordSiteFinding, { visitId: v.id, item: '生产线', result: 'conforms', description: '生产线与申报一致' }, staff);
    const two = await rpc.request<Visit>(RecordSiteFinding, { visitId: v.id, item: '销售合同', result: 'nonconforming', description: '首台销售合同未见原件' }, staff);
    expect(two.findings.map((f) => [f.itemNo, f.result])).toEqual([[1, 'conforms'], [2, 'nonconforming']]);
    const finding = two.findings[0]!;
    expect(await rpc.request(AuthorizeSiteEvidenceUpload, { visitId: v.id, findingId: finding.id }, staff)).toEqual({ maxBytes: 20 * 1024 * 1024, allowedTypes: ['jpg', 'png', 'pdf'], sm3: false });
    const withPhoto = await rpc.request<Visit>(AttachSiteEvidence, file(v.id, finding.id), staff);
    expect(withPhoto.findings[0]!.evidence).toEqual([expect.objectContaining({ fileName: '生产线照片.jpg', mediaType: 'jpg', size: 2048 })]);
    expect((await rpc.refusal(AttachSiteEvidence, { ...file(v.id, finding.id), mediaType: 'docx' }, staff)).status).toBe(400);
    expect((await rpc.refusal(AttachSiteEvidence, file(v.id, finding.id), otherStaff)).status).toBe(404);
    expect((await rpc.refusal(AuthorizeSiteEvidenceUpload, { visitId: v.id, findingId: finding.id }, applicant)).code).toBe('SITE_VISIT_NOT_CONCLUDED');
    const done = await rpc.request<Visit>(ConcludeSiteVisit, { visitId: v.id, conclusion: 'confirmed_with_reservations', note: '生产能力属实，销售合同待补充' }, staff);
    expect(done).toMatchObject({ status: 'concluded', conclusion: 'confirmed_with_reservations' });
    expect((await visitRows(id))[0]).toMatchObject({ status: 'concluded', conclusion: 'confirmed_with_reservations', concluded_at: expect.any(Date) });
    expect((await rpc.refusal(RecordSiteFinding, { visitId: v.id, item: '检测报告', result: 'conforms', description: '—' }, staff)).code).toBe('SITE_VISIT_NOT_SCHEDULED');
    expect((await rpc.refusal(AttachSiteEvidence, file(v.id, finding.id), staff)).code).toBe('SITE_VISIT_NOT_SCHEDULED');
    expect((await rpc.refusal(ConcludeSiteVisit, { visitId: v.id, conclusion: 'not_confirmed', note: '改' }, staff)).status).toBe(409);
    expect((await outboxOf(v.id)).at(-1)).toMatchObject({ subject: 'expert-management.site-visit.concluded.v1', payload: { conclusion: 'confirmed_with_reservations', findingCount: 2 } });
  });

  it('M8.2 a finding takes at most 20 files; the 21st is refused and not stored', async () => {
    const id = await underReview();
    const v = await rpc.request<Visit>(ScheduleSiteVisit, plan(id), staff);
    const f = (await rpc.request<Visit>(RecordSiteFinding, { visitId: v.id, item: '检测报告', result: 'observation', description: '需说明' }, staff)).findings[0]!;
    for (let i = 0; i < 20; i += 1) await rpc.request(AttachSiteEvidence, file(v.id, f.id), staff);
    const full = await rpc.refusal(AttachSiteEvidence, file(v.id, f.id), staff);
    expect([full.code, full.status]).toEqual(['SITE_EVIDENCE_FULL', 422]);
    expect((await rpc.refusal(AuthorizeSiteEvidenceUpload, { visitId: v.id, findingId: f.id }, staff)).code).toBe('SITE_EVIDENCE_FULL');
    expect(((await findingRows(v.id))[0]!.evidence as unknown[]).length).toBe(20);
  });

  it('M8.2 the sweep learns which stored objects site evidence still refers to', async () => {
    const id = await underReview();
    const v = await rpc.request<Visit>(ScheduleSiteVisit, plan(id), staff);
    const f = (await rpc.request<Visit>(RecordSiteFinding, { visitId: v.id, item: '生产线', result: 'conforms', description: '一致' }, staff)).findings[0]!;
    const kept = file(v.id, f.id);
    await rpc.request(AttachSiteEvidence, kept, staff);
    const orphan = `sha256/ab/${'ab'.padEnd(64, 'c')}`;
    const system = { userId: 'gateway-object-sweeper', role: 'system' as const };
    expect(await rpc.request(FindUnreferencedSiteEvidence, { objectKeys: [kept.objectKey, orphan] }, system)).toEqual({ unreferenced: [orphan] });
    expect((await rpc.refusal(FindUnreferencedSiteEvidence, { objectKeys: [orphan] }, staff)).status).toBe(403);
  });
});

describe('who sees what (M8.2, M11.1)', () => {
  async function concludedVisit() {
    const id = await underReview();
    const v = await rpc.request<Visit>(ScheduleSiteVisit, plan(id, { memberExpertIds: [ids.wang] }), staff);
    const f = (await rpc.request<Visit>(RecordSiteFinding, { visitId: v.id, item: '销售合同', result: 'nonconforming', description: '未见原件' }, staff)).findings[0]!;
    const photo = (await rpc.request<Visit>(AttachSiteEvidence, file(v.id, f.id), staff)).findings[0]!.evidence[0]!;
    return { id, v, f, photo };
  }

  it('M11.1 the applicant sees the date, place, notice and how many come — not who — and the findings only after the conclusion', async () => {
    const { id, v } = await concludedVisit();
    const [before] = await rpc.request<Visit[]>(ListSiteVisits, { applicationId: id }, applicant);
    expect(before).toMatchObject({ id: v.id, status: 'scheduled', visitOn: nextWeek, address: plan(id).address, notice: plan(id).notice, memberCount: 1, findings: [] });
    expect(before).not.toHaveProperty('members');
    expect(JSON.stringify(before)).not.toContain('王明');
    await rpc.request(ConcludeSiteVisit, { visitId: v.id, conclusion: 'confirmed', note: '属实' }, staff);
    const [after] = await rpc.request<Visit[]>(ListSiteVisits, { applicationId: id }, applicant);
    expect(after!.findings.map((f) => f.item)).toEqual(['销售合同']);
    expect(after).not.toHaveProperty('members');
    expect((await rpc.refusal(ListSiteVisits, { applicationId: id }, stranger)).status).toBe(404);
  });

  it('M8.2 M11.1 the institution and the panel see the members; another institution is told the case does not exist', async () => {
    const { id } = await concludedVisit();
    expect((await rpc.request<Visit[]>(ListSiteVisits, { applicationId: id }, staff))[0]!.members).toEqual([{ expertId: ids.wang, name: '王明' }]);
    expect((await rpc.request<Visit[]>(ListSiteVisits, { applicationId: id }, wang))[0]!.members).toEqual([{ expertId: ids.wang, name: '王明' }]);
    expect(await rpc.request<Visit[]>(ListSiteVisits, { applicationId: id }, department)).toHaveLength(1);
    expect(await rpc.request<Visit[]>(ListSiteVisits, { applicationId: id }, zhang)).toEqual([]);
    const other = await rpc.refusal(ListSiteVisits, { applicationId: id }, otherStaff);
    expect([other.code, other.status]).toEqual(['NOT_FOUND', 404]);
  });

  it('M8.2 evidence downloads are authorized and audited, refusals included; the applicant reaches them only after the conclusion', async () => {
    const { v, f, photo } = await concludedVisit();
    const ref = { visitId: v.id, findingId: f.id, evidenceId: photo.id };
    expect(await rpc.request(AuthorizeSiteEvidenceDownload, ref, wang)).toMatchObject({ mediaType: 'image/jpeg', fileName: '生产线照片.jpg', size: 2048 });
    expect((await rpc.refusal(AuthorizeSiteEvidenceDownload, ref, otherStaff)).status).toBe(404);
    expect((await rpc.refusal(AuthorizeSiteEvidenceDownload, ref, applicant)).status).toBe(404);
    expect((await rpc.refusal(AuthorizeSiteEvidenceDownload, ref, zhang)).status).toBe(404);
    await rpc.request(ConcludeSiteVisit, { visitId: v.id, conclusion: 'confirmed', note: '属实' }, staff);
    expect(await rpc.request(AuthorizeSiteEvidenceDownload, ref, applicant)).toMatchObject({ objectKey: expect.stringMatching(/^sha256\//) });
    expect((await rpc.refusal(AuthorizeSiteEvidenceDownload, ref, stranger)).status).toBe(404);
    const audits = await sql<{ outcome: string }>(env, `SELECT outcome FROM "${schema()}".audit_records WHERE action = 'site-visit.evidence-download' AND object_id = $1 ORDER BY occurred_at`, [f.id]);
    expect(audits.map((a) => a.outcome)).toEqual(['succeeded', 'rejected', 'rejected', 'rejected', 'succeeded', 'rejected']);
  });
});

describe('the applicant\'s answer (M8.2)', () => {
  it('M8.2 the applicant answers a finding once after the conclusion, with evidence uploaded first; another enterprise cannot', async () => {
    const id = await underReview();
    const v = await rpc.request<Visit>(ScheduleSiteVisit, plan(id), staff);
    const f = (await rpc.request<Visit>(RecordSiteFinding, { visitId: v.id, item: '销售合同', result: 'nonconforming', description: '未见原件' }, staff)).findings[0]!;
    const early = await rpc.refusal(AnswerSiteFinding, { visitId: v.id, findingId: f.id, answer: '已补充' }, applicant);
    expect([early.code, early.status]).toEqual(['SITE_VISIT_NOT_CONCLUDED', 409]);
    await rpc.request(ConcludeSiteVisit, { visitId: v.id, conclusion: 'confirmed_with_reservations', note: '待补充合同' }, staff);
    expect((await rpc.refusal(AnswerSiteFinding, { visitId: v.id, findingId: f.id, answer: '已补充' }, stranger)).status).toBe(404);
    expect((await rpc.refusal(AnswerSiteFinding, { visitId: v.id, findingId: f.id, answer: '' }, applicant)).status).toBe(400);
    expect((await rpc.refusal(AnswerSiteFinding, { visitId: v.id, findingId: f.id, answer: '已补充' }, staff)).status).toBe(403);
    expect((await rpc.refusal(AttachSiteEvidence, { ...file(v.id, f.id), fileName: '合同.pdf', mediaType: 'pdf' }, stranger)).status).toBe(404);
    await rpc.request(AttachSiteEvidence, { ...file(v.id, f.id), fileName: '合同.pdf', mediaType: 'pdf' }, applicant);
    const answered = await rpc.request<Visit>(AnswerSiteFinding, { visitId: v.id, findingId: f.id, answer: '合同原件已补充，见附件' }, applicant);
    expect(answered.findings[0]).toMatchObject({ answer: '合同原件已补充，见附件', answerEvidence: [expect.objectContaining({ fileName: '合同.pdf' })] });
    expect(answered.findings[0]!.evidence).toEqual([]);
    const twice = await rpc.refusal(AnswerSiteFinding, { visitId: v.id, findingId: f.id, answer: '再答' }, applicant);
    expect([twice.code, twice.status]).toEqual(['SITE_FINDING_ANSWERED', 409]);
    expect((await rpc.refusal(AttachSiteEvidence, { ...file(v.id, f.id), mediaType: 'pdf' }, applicant)).code).toBe('SITE_FINDING_ANSWERED');
    expect((await findingRows(v.id))[0]).toMatchObject({ answer: '合同原件已补充，见附件', answered_at: expect.any(Date) });
    expect((await rpc.request<Visit[]>(ListSiteVisits, { applicationId: id }, staff))[0]!.findings[0]!.answer).toBe('合同原件已补充，见附件');
  });
});
