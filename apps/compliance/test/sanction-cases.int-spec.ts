import { randomUUID } from 'node:crypto';
import {
  ChangeSanction,
  DecideComplianceCase,
  DropComplianceCase,
  GetComplianceCase,
  ListComplianceCases,
  ListPublicSanctions,
  ListRecognitions,
  ListSanctions,
  NotifyComplianceParty,
  OpenComplianceCase,
  RecognitionIssued,
  StateComplianceCase,
  type ComplianceCasePageV1,
  type ComplianceCaseViewV1,
  type PublicSanctionV1,
  type SanctionPageV1,
  type SanctionRecordV1,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, recognitionIssuedEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { complianceModule } from '../src/compliance.module';
import { KNOWN_EXPERT, KNOWN_INSTITUTION, startExpertManagement } from './expert-management';

// ADR 0026: every sanction is decided in a compliance case after the party was heard, and kept in
// one registry whose status is computed on the day.
const env = newTestEnv();
let svc: RunningService;
let expertManagement: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const USCC = '91150200MA0N4KXX4C';
const enterprise = actors.enterprise(USCC);
const S = () => `"${schemaOf(env, 'compliance')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
/** Noon in China on `date`. */
const chinaNoon = (date: string) => new Date(`${date}T04:00:00Z`);
/** The interim measure events a case published (ADR 0026), in order, without their ids and times. */
const interimEvents = async (caseId: string) =>
  (await q<{ payload: Record<string, string> }>(`SELECT payload FROM ${S()}.outbox_events WHERE subject = 'compliance.interim-measure.changed.v1' AND payload->>'caseId' = $1 ORDER BY occurred_at, id`, [caseId]))
    .map(({ payload: { measure, subjectId, change, on, caseNo } }) => ({ measure, subjectId, change, on, caseNo }));

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'compliance', complianceModule);
  expertManagement = await startExpertManagement(env);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(chinaNoon('2026-12-03'));
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await expertManagement?.close();
  await cleanupTestEnv(env);
});

/** A recognition compliance learned of from publicity, valid from 2026-10-15. */
async function recognition(): Promise<string> {
  const event = recognitionIssuedEvent();
  await publishEvent(env, RecognitionIssued, event);
  const { recognitionId } = event;
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.recognitions WHERE id = $1`, [recognitionId])).length === 1);
  return recognitionId;
}

const counts = () =>
  q(
    `SELECT (SELECT count(*) FROM ${S()}.compliance_cases)::int AS cases, (SELECT count(*) FROM ${S()}.sanctions)::int AS sanctions,
            (SELECT count(*) FROM ${S()}.outbox_events)::int AS events`,
  );
const open = (input: Record<string, unknown>) => rpc.request<ComplianceCaseViewV1>(OpenComplianceCase, input, department);
const registry = (input: Record<string, unknown> = {}) => rpc.request<SanctionPageV1>(ListSanctions, input, department);

describe('a revocation decided after a hearing (M10.2)', () => {
  let recognitionId: string;
  let c: ComplianceCaseViewV1;

  it('M10.2 opens a case against a recognition it knows, numbered, the measure’s article in its grounds', async () => {
    recognitionId = await recognition();
    c = await open({ intendedMeasure: 'recognition_revocation', subjectId: recognitionId, facts: '申报材料中的三份销售合同系伪造', source: '异议 2026-ABCD-EFGH' });
    expect(c).toMatchObject({ caseNo: 'GZ-2026-0001', status: 'opened', subjectKind: 'recognition', subjectUscc: USCC, grounds: ['M10.2'], interim: null });
    expect(c.subjectName).toContain('包头北方重型装备有限公司');
    // A second open case on the same subject is refused; so is an interim measure on a recognition.
    expect((await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'recognition_revocation', subjectId: recognitionId, facts: '重复' }, department)).code).toBe('COMPLIANCE_CASE_OPEN');
    const other = await recognition();
    expect((await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'recognition_revocation', subjectId: other, facts: 'x', interim: true }, department)).code).toBe('INTERIM_NOT_POSSIBLE');
  });

  it('M10.2 the party sees nothing before it is notified, and gets at least five days to answer', async () => {
    expect((await rpc.refusal(GetComplianceCase, { caseId: c.id }, enterprise)).status).toBe(404);
    expect((await rpc.request<ComplianceCasePageV1>(ListComplianceCases, {}, enterprise)).total).toBe(0);
    const tooSoon = await rpc.refusal(NotifyComplianceParty, { caseId: c.id, expectedVersion: c.version, statementDeadline: '2026-12-07' }, department);
    expect([tooSoon.code, tooSoon.status]).toEqual(['STATEMENT_DEADLINE_TOO_SOON', 422]);
    c = await rpc.request(NotifyComplianceParty, { caseId: c.id, expectedVersion: c.version, statementDeadline: '2026-12-10' }, department);
    expect(c).toMatchObject({ status: 'notified', notifiedOn: '2026-12-03', statementDeadline: '2026-12-10' });
    expect(c.hearingNotice).toContain('请于 2026-12-10 前');
    expect(c.hearingNotice).toContain('撤销认定');
    // The enterprise's inbox hears of it through the event, with the recognition's application.
    const [published] = await q<{ payload: Record<string, unknown> }>(`SELECT payload FROM ${S()}.outbox_events WHERE subject = 'compliance.case.party-notified.v1' AND payload->>'caseId' = $1`, [c.id]);
    expect(published!.payload).toMatchObject({ caseNo: c.caseNo, measure: 'recognition_revocation', subjectUscc: USCC, statementDeadline: '2026-12-10', notice: c.hearingNotice });
    expect(published!.payload.applicationId).toEqual(expect.any(String));
    const seen = await rpc.request<ComplianceCaseViewV1>(GetComplianceCase, { caseId: c.id }, enterprise);
    expect(seen.hearingNotice).toBe(c.hearingNotice);
    expect((await rpc.refusal(GetComplianceCase, { caseId: c.id }, actors.enterprise('91150100MA0P7RYY69'))).status).toBe(404);
  });

  it('M10.2 no decision while the party’s time runs and it has not answered; a stale version is 409', async () => {
    const early = await rpc.refusal(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version, outcome: 'sanction', reasons: '材料造假属实' }, department);
    expect([early.code, early.status]).toEqual(['STATEMENT_PERIOD_OPEN', 422]);
    expect((await rpc.refusal(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version - 1, outcome: 'sanction', reasons: 'x' }, department)).status).toBe(409);
  });

  it('M10.2 the enterprise states its case once; then the Department revokes, and the applicant ban comes with it', async () => {
    c = await rpc.request(StateComplianceCase, { caseId: c.id, statement: '合同系经办人员失误，非故意伪造，请求从轻处理。' }, enterprise);
    expect(c).toMatchObject({ status: 'statement_received', statementBy: 'party', statementWaived: false });
    expect((await rpc.refusal(StateComplianceCase, { caseId: c.id, statement: '补充' }, enterprise)).code).toBe('COMPLIANCE_CASE_STATUS');
    const before = await counts();
    c = await rpc.request(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version, outcome: 'sanction', reasons: '经核查，申报材料中的销售合同系伪造，陈述理由不能成立' }, department);
    expect(c).toMatchObject({ status: 'decided', outcome: 'sanction', decisionDate: '2026-12-03' });
    expect(c.sanctionIds).toHaveLength(2);
    const { items } = await registry({ search: USCC });
    const revocation = items.find((s) => s.measure === 'recognition_revocation')!;
    const ban = items.find((s) => s.measure === 'applicant_ban')!;
    expect(revocation).toMatchObject({ subjectKind: 'recognition', subjectId: recognitionId, from: '2026-12-03', until: null, status: 'in_force', caseNo: 'GZ-2026-0001' });
    expect(ban).toMatchObject({ subjectKind: 'enterprise', subjectId: USCC, from: '2026-12-03', until: '2029-12-03', status: 'in_force', grounds: ['M10.2'] });
    expect(ban.decisionNotice).toContain('自 2026-12-03 起至 2029-12-03 止');
    expect(ban.decisionNotice).toContain('2027-02-01 前依法申请行政复议');
    expect(ban.history.map((h) => h.kind)).toEqual(['imposed']);
    const recognitions = await rpc.request<Array<{ recognitionId: string; state: string; status: string }>>(ListRecognitions, {}, department);
    expect(recognitions.find((r) => r.recognitionId === recognitionId)).toMatchObject({ state: 'REVOKED', status: 'revoked' });
    const subjects = (await q<{ subject: string }>(`SELECT subject FROM ${S()}.outbox_events ORDER BY occurred_at, subject`)).map((r) => r.subject);
    expect(subjects.filter((s) => s === 'compliance.sanction.imposed.v1')).toHaveLength(2);
    expect(subjects).toEqual(expect.arrayContaining(['compliance.recognition.revoked.v1', 'compliance.applicant-ban.imposed.v1']));
    expect((await counts())[0]).toMatchObject({ sanctions: (before[0].sanctions as number) + 2 });
  });

  it('M10.2 the public list shows the sanctions in force, without facts or history', async () => {
    const list = await rpc.request<PublicSanctionV1[]>(ListPublicSanctions, {}, { userId: 'anonymous', role: 'public' });
    expect(list.map((s) => s.measure).sort()).toEqual(['applicant_ban', 'recognition_revocation']);
    expect(Object.keys(list[0]).sort()).toEqual(['decisionDate', 'from', 'grounds', 'measure', 'subjectName', 'subjectUscc', 'until']);
  });
});

describe('an institution suspended while heard (M10.3) and an expert (M11.2)', () => {
  it('M10.3 an institution needs its USCC and must exist; the interim suspension starts when the case opens', async () => {
    expect((await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'institution_ban', subjectId: KNOWN_INSTITUTION.id, facts: '评审结论严重失实' }, department)).code).toBe('SUBJECT_USCC_REQUIRED');
    const before = await counts();
    const unknown = await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'institution_ban', subjectId: randomUUID(), subjectUscc: KNOWN_INSTITUTION.uscc, facts: 'x' }, department);
    expect([unknown.code, unknown.status]).toEqual(['INSTITUTION_NOT_FOUND', 404]);
    expect(await counts()).toEqual(before);
    let c = await open({ intendedMeasure: 'institution_ban', subjectId: KNOWN_INSTITUTION.id, subjectUscc: KNOWN_INSTITUTION.uscc, facts: '评审报告与专家评分严重不符', interim: true });
    expect(c).toMatchObject({ subjectName: KNOWN_INSTITUTION.name, interim: { measure: 'institution_work_suspended', from: '2026-12-03', endedOn: null }, grounds: ['M10.3'] });
    c = await rpc.request(NotifyComplianceParty, { caseId: c.id, expectedVersion: c.version, statementDeadline: '2026-12-08' }, department);
    // The institution's staff read their case; another institution's do not.
    expect((await rpc.request<ComplianceCasePageV1>(ListComplianceCases, {}, actors.institution(KNOWN_INSTITUTION.id))).items.map((x) => x.id)).toEqual([c.id]);
    expect((await rpc.refusal(GetComplianceCase, { caseId: c.id }, actors.institution(randomUUID()))).status).toBe(404);
    // Silence: after the deadline the party may no longer answer, and the Department decides.
    await rpc.setClock(chinaNoon('2026-12-09'));
    const late = await rpc.refusal(StateComplianceCase, { caseId: c.id, statement: '迟到的陈述' }, actors.institution(KNOWN_INSTITUTION.id));
    expect([late.code, late.status]).toEqual(['STATEMENT_TOO_LATE', 422]);
    const backDated = await rpc.refusal(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version, outcome: 'sanction', reasons: 'x', decisionDate: '2026-12-02' }, department);
    expect(backDated.code).toBe('DECISION_DATE_BEFORE_NOTICE');
    c = await rpc.request(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version, outcome: 'sanction', reasons: '重大失误属实' }, department);
    expect(c.interim).toMatchObject({ endedOn: '2026-12-09' });
    const [ban] = (await registry({ measure: 'institution_ban' })).items;
    expect(ban).toMatchObject({ subjectId: KNOWN_INSTITUTION.id, from: '2026-12-09', until: '2029-12-09', status: 'in_force' });
    const events = await q<{ subject: string }>(`SELECT subject FROM ${S()}.outbox_events WHERE subject = 'compliance.institution-ban.imposed.v1'`);
    expect(events).toHaveLength(1);
    // The gates are told when the suspension starts and when it ends with the decision.
    expect(await interimEvents(c.id)).toEqual([
      { measure: 'institution_work_suspended', subjectId: KNOWN_INSTITUTION.id, change: 'started', on: '2026-12-03', caseNo: c.caseNo },
      { measure: 'institution_work_suspended', subjectId: KNOWN_INSTITUTION.id, change: 'ended', on: '2026-12-09', caseNo: c.caseNo },
    ]);
  });

  it('M11.2 an officer records a statement received on paper; the case ends with no sanction, or is dropped', async () => {
    let c = await open({ intendedMeasure: 'expert_disqualification', subjectId: KNOWN_EXPERT.id, facts: '评审期间向第三方透露申报产品技术参数' });
    c = await rpc.request(NotifyComplianceParty, { caseId: c.id, expectedVersion: c.version, statementDeadline: '2026-12-20' }, department);
    expect((await rpc.refusal(StateComplianceCase, { caseId: c.id, statement: '冒名' }, actors.expert(randomUUID()))).status).toBe(404);
    c = await rpc.request(StateComplianceCase, { caseId: c.id, statement: '书面陈述：未透露任何参数。' }, department);
    expect(c.statementBy).toBe('officer');
    const before = (await counts())[0].sanctions;
    c = await rpc.request(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version, outcome: 'no_sanction', reasons: '证据不足' }, department);
    expect(c).toMatchObject({ status: 'decided', outcome: 'no_sanction', sanctionIds: [] });
    expect((await counts())[0].sanctions).toBe(before);
    let again = await open({ intendedMeasure: 'expert_disqualification', subjectId: KNOWN_EXPERT.id, facts: '新的线索', interim: true });
    again = await rpc.request(DropComplianceCase, { caseId: again.id, expectedVersion: again.version, reason: '线索不实' }, department);
    expect(again).toMatchObject({ status: 'dropped', outcome: 'dropped', interim: { endedOn: '2026-12-09' } });
    expect((await interimEvents(again.id)).map((e) => [e.measure, e.change, e.on])).toEqual([
      ['expert_work_suspended', 'started', '2026-12-09'],
      ['expert_work_suspended', 'ended', '2026-12-09'],
    ]);
    expect(await interimEvents(c.id)).toEqual([]); // a case without an interim measure tells the gates nothing
    expect((await rpc.refusal(NotifyComplianceParty, { caseId: again.id, expectedVersion: again.version, statementDeadline: '2026-12-30' }, department)).code).toBe('COMPLIANCE_CASE_STATUS');
  });
});

describe('the registry over time (ADR 0026)', () => {
  let ban: SanctionRecordV1;

  beforeAll(async () => {
    [ban] = (await registry({ measure: 'institution_ban' })).items;
  });

  it('M10.3 a suspension, a resumption and an early lifting each take effect on their day; a lifted ban changes no more', async () => {
    const future = await rpc.refusal(ChangeSanction, { sanctionId: ban.id, expectedVersion: ban.version, change: 'suspended', on: '2026-12-10', reason: '复议期间' }, department);
    expect(future.code).toBe('DATE_IN_FUTURE');
    expect((await rpc.refusal(ChangeSanction, { sanctionId: ban.id, expectedVersion: ban.version, change: 'resumed', reason: 'x' }, department)).code).toBe('SANCTION_CHANGE_REFUSED');
    ban = await rpc.request(ChangeSanction, { sanctionId: ban.id, expectedVersion: ban.version, change: 'suspended', reason: '行政复议期间停止执行' }, department);
    expect(ban.status).toBe('suspended');
    const publicNow = await rpc.request<PublicSanctionV1[]>(ListPublicSanctions, {}, { userId: 'anonymous', role: 'public' });
    expect(publicNow.map((s) => s.measure)).not.toContain('institution_ban');
    expect((await registry({ status: 'suspended' })).items.map((s) => s.id)).toEqual([ban.id]);
    await rpc.setClock(chinaNoon('2027-01-20'));
    ban = await rpc.request(ChangeSanction, { sanctionId: ban.id, expectedVersion: ban.version, change: 'resumed', reason: '复议维持原决定' }, department);
    expect(ban.status).toBe('in_force');
    expect((await rpc.refusal(ChangeSanction, { sanctionId: ban.id, expectedVersion: ban.version - 1, change: 'lifted', reason: 'x' }, department)).status).toBe(409);
    ban = await rpc.request(ChangeSanction, { sanctionId: ban.id, expectedVersion: ban.version, change: 'lifted', reason: '整改到位，提前解除' }, department);
    expect(ban.status).toBe('lifted');
    expect(ban.history.map((h) => [h.kind, h.on])).toEqual([
      ['imposed', '2026-12-09'],
      ['suspended', '2026-12-09'],
      ['resumed', '2027-01-20'],
      ['lifted', '2027-01-20'],
    ]);
    expect((await rpc.refusal(ChangeSanction, { sanctionId: ban.id, expectedVersion: ban.version, change: 'suspended', reason: 'x' }, department)).code).toBe('SANCTION_CHANGE_REFUSED');
    expect((await q(`SELECT 1 FROM ${S()}.outbox_events WHERE subject = 'compliance.sanction.changed.v1'`)).length).toBe(3);
  });

  it('M10.2 an applicant ban is in force on its last day and ended the next, by itself', async () => {
    await rpc.setClock(chinaNoon('2029-12-03'));
    const onLastDay = (await registry({ measure: 'applicant_ban' })).items[0];
    expect(onLastDay.status).toBe('in_force');
    await rpc.setClock(chinaNoon('2029-12-04'));
    expect((await registry({ measure: 'applicant_ban' })).items[0].status).toBe('ended');
    const list = await rpc.request<PublicSanctionV1[]>(ListPublicSanctions, {}, { userId: 'anonymous', role: 'public' });
    expect(list.map((s) => s.measure)).toEqual(['recognition_revocation']);
    await rpc.setClock(chinaNoon('2026-12-03'));
  });

  it('refuses other roles and malformed input, and audits every command, refusals included', async () => {
    expect((await rpc.refusal(ListSanctions, {}, enterprise)).code).toBe('FORBIDDEN_ROLE');
    expect((await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'recognition_revocation', subjectId: 'x', facts: 'x' }, actors.auditor())).code).toBe('FORBIDDEN_ROLE');
    expect((await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'applicant_ban' as never, subjectId: USCC, facts: 'x' }, department)).code).toBe('VALIDATION_FAILED');
    expect((await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'expert_disqualification', subjectId: 'x', facts: 'x', grounds: ['第十条'] }, department)).code).toBe('VALIDATION_FAILED');
    expect((await rpc.request<SanctionPageV1>(ListSanctions, {}, actors.auditor())).total).toBeGreaterThanOrEqual(3);
    const rows = await q<{ action: string; outcome: string }>(`SELECT DISTINCT action, outcome FROM ${S()}.audit_records WHERE action LIKE 'compliance-case.%' OR action LIKE 'sanction.%'`);
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'compliance-case.open', outcome: 'succeeded' },
        { action: 'compliance-case.notify', outcome: 'rejected' },
        { action: 'compliance-case.decide', outcome: 'succeeded' },
        { action: 'compliance-case.state', outcome: 'rejected' },
        { action: 'sanction.lifted', outcome: 'succeeded' },
      ]),
    );
  });
});
