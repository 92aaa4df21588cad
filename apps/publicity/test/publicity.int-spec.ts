import { randomUUID } from 'node:crypto';
import {
  ApplicationReviewed,
  ApplicationReviewedV1,
  CloseDuePublicities,
  DecideBatch,
  IssueRecognitionDocument,
  GetCalendar,
  ListCandidates,
  PublishList,
  RecognitionRevoked,
  SearchPublicRecognitions,
  VerifyRecognition,
  type RecognitionVerificationV1,
} from '@firstset/contracts';
import {
  actors,
  cleanupTestEnv,
  eventually,
  newTestEnv,
  publishEvent,
  RpcCaller,
  RunningService,
  schemaOf,
  sql,
  startServiceInProcess,
} from '@firstset/testing';
import { CalendarStore } from '../src/calendar/calendar-store';
import { publicityModule } from '../src/publicity.module';

const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const enterprise = actors.enterprise('91150200MA0N4KXX4C');
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
  // Monday 30 November 2026, 10:00 in China: the tests do not depend on the day they run.
  await rpc.setClock(new Date('2026-11-30T02:00:00Z'));
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
  enterprise: { uscc: '91150200MA0N4KXX4C', name: `包头北方重型装备有限公司${n}`, registeredAddress: '包头市青山区' },
  product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${n}`, rdCompletedOn: '2026-03-01' },
  score: 80 + n,
  opinion: '技术先进，同意认定',
  reviewedAt: new Date().toISOString(),
});

/** `count` reviewed candidates of a fresh batch, consumed from their events. */
async function candidates(count: number) {
  const batchId = randomUUID();
  const events = Array.from({ length: count }, (_, i) => reviewed(batchId, i + 1));
  for (const e of events) await publishEvent(env, ApplicationReviewed, e);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === count);
  return { batchId, ids: events.map((e) => e.applicationId), events };
}

async function decidedList(count: number) {
  const { batchId, ids } = await candidates(count);
  const decisions = ids.map((applicationId) => ({ applicationId, outcome: 'selected' as const }));
  const { list } = await rpc.request<{ list: { id: string } }>(DecideBatch, { batchId, meetingRef: '厅务会纪要〔2026〕1号', meetingOn: '2026-09-28', deliberation: '同意', decisions }, department);
  return { batchId, ids, listId: list.id };
}

const outboxOf = (subject: string, key: string, value: string) =>
  q<{ payload: Record<string, unknown> }>(`SELECT payload FROM ${S()}.outbox_events WHERE subject = $1 AND payload->>'${key}' = $2`, [subject, value]);

describe('publicity', () => {
  it('M9.1 keeps each reviewed application once as a REVIEWED candidate, even when its event is redelivered', async () => {
    const batchId = randomUUID();
    const event = reviewed(batchId, 1);
    const eventId = await publishEvent(env, ApplicationReviewed, event);
    await publishEvent(env, ApplicationReviewed, event, { eventId, msgId: randomUUID() });
    await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === 1);
    const inbox = await q(`SELECT 1 FROM ${S()}.inbox_events WHERE event_id = $1`, [eventId]);
    expect(inbox).toHaveLength(1);
    const list = await rpc.request<Array<{ applicationId: string; state: string; score: number }>>(ListCandidates, { batchId }, actors.auditor());
    expect(list).toEqual([expect.objectContaining({ applicationId: event.applicationId, state: 'REVIEWED', score: 81 })]);
    expect((await rpc.refusal(ListCandidates, { batchId }, enterprise)).status).toBe(403);
  });

  it('M9.1 the candidate keeps the institution\'s signed review report from its event and shows it labelled; older events show none', async () => {
    const batchId = randomUUID();
    const report = {
      recommendation: 'not_recommend' as const,
      reasons: '现场核查不属实',
      criterionMeans: [{ criterionId: 'innovation', nameZh: '创新性', mean: 6.5 }],
      siteConclusions: [{ visitOn: '2026-11-20', conclusion: 'not_confirmed' as const, note: '产线未建成' }],
      signedAt: '2026-11-25T08:00:00.000Z',
      signedByName: '赵主任',
    };
    const withReport = { ...reviewed(batchId, 1), report };
    const legacy = reviewed(batchId, 2);
    for (const e of [withReport, legacy]) await publishEvent(env, ApplicationReviewed, e);
    await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === 2);
    const list = await rpc.request<Array<{ applicationId: string; report: unknown }>>(ListCandidates, { batchId }, department);
    expect(list.find((c) => c.applicationId === withReport.applicationId)!.report).toEqual({
      ...report,
      recommendationLabel: { zh: '不建议认定', en: 'Do not recommend' },
      siteConclusions: [{ visitOn: '2026-11-20', conclusion: 'not_confirmed', conclusionLabel: { zh: '核查不属实', en: 'Not confirmed' }, note: '产线未建成' }],
    });
    expect(list.find((c) => c.applicationId === legacy.applicationId)!.report).toBeNull();
  });

  it('only department officers may decide, publish and close', async () => {
    const { batchId, ids, listId } = await decidedList(1);
    for (const actor of [enterprise, actors.auditor(), actors.prefecture('150200')]) {
      const decisions = ids.map((applicationId) => ({ applicationId, outcome: 'selected' as const }));
      expect((await rpc.refusal(DecideBatch, { batchId, meetingRef: 'x', meetingOn: '2026-11-30', deliberation: '', decisions }, actor)).code).toBe('FORBIDDEN_ROLE');
      expect((await rpc.refusal(PublishList, { decisionListId: listId }, actor)).code).toBe('FORBIDDEN_ROLE');
      expect((await rpc.refusal(CloseDuePublicities, {}, actor)).code).toBe('FORBIDDEN_ROLE');
    }
    expect((await rpc.refusal(CloseDuePublicities, {})).status).toBe(401);
  });

  it('M9.2 counts 5 working days over National Day 2026: published 2026-09-30, it ends on 2026-10-12', async () => {
    await rpc.setClock(new Date('2026-09-29T02:00:00Z'));
    const { ids, listId } = await decidedList(2);
    const publicity = await rpc.request<{ startDate: string; endDate: string; endsAt: string; workingDays: number }>(
      PublishList,
      { decisionListId: listId, publicationDate: '2026-09-30' },
      department,
    );
    // 30 Sep is day 1; 1–7 Oct are holidays; 8, 9 Oct, make-up Saturday 10 Oct and Monday 12 Oct follow.
    expect(publicity).toMatchObject({ startDate: '2026-09-30', endDate: '2026-10-12', workingDays: 5, endsAt: '2026-10-12T16:00:00.000Z' });
    const [event] = await outboxOf('publicity.publicity.started.v1', 'decisionListId', listId);
    expect(event.payload).toMatchObject({ startDate: '2026-09-30', endDate: '2026-10-12', applicationIds: ids });
    expect(event.payload.countingRule).toMatch(/5个工作日.*\/ 5 working days/);
    const states = await q<{ state: string }>(`SELECT state FROM ${S()}.candidates WHERE application_id = ANY($1::uuid[])`, [ids]);
    expect(states.map((s) => s.state)).toEqual(['IN_PUBLICITY', 'IN_PUBLICITY']);
    expect((await rpc.refusal(PublishList, { decisionListId: listId }, department)).status).toBe(409);
    await rpc.setClock(new Date('2026-11-30T02:00:00Z'));
  });

  it('M9.2 refuses a publicity running into 2027, whose calendar is not confirmed, and changes nothing', async () => {
    const { ids, listId } = await decidedList(1);
    const err = await rpc.refusal(PublishList, { decisionListId: listId, publicationDate: '2027-11-15' }, department);
    expect([err.code, err.status]).toEqual(['CALENDAR_YEAR_UNCONFIRMED', 422]);
    expect(err.error.title).toMatch(/2027年的节假日安排尚未在工作日历中确认/);
    expect(await q(`SELECT status FROM ${S()}.decision_lists WHERE id = $1`, [listId])).toEqual([{ status: 'DECIDED' }]);
    expect(await q(`SELECT state FROM ${S()}.candidates WHERE application_id = $1`, [ids[0]])).toEqual([{ state: 'ON_DECISION_LIST' }]);
    expect(await q(`SELECT 1 FROM ${S()}.publicities WHERE decision_list_id = $1`, [listId])).toHaveLength(0);
    expect(await outboxOf('publicity.publicity.started.v1', 'decisionListId', listId)).toHaveLength(0);
  });

  it('bad input gets a validation error and changes nothing', async () => {
    const { batchId, ids, listId } = await decidedList(1);
    const meeting = { meetingRef: '厅务会纪要〔2026〕2号', meetingOn: '2026-11-30', deliberation: '' };
    const empty = await rpc.refusal(DecideBatch, { batchId, ...meeting, decisions: [] }, department);
    expect([empty.code, empty.status]).toEqual(['VALIDATION_FAILED', 400]);
    const notUuid = await rpc.refusal(DecideBatch, { batchId, ...meeting, decisions: [{ applicationId: '42', outcome: 'selected' }] }, department);
    expect(notUuid.code).toBe('VALIDATION_FAILED');
    const outcome = await rpc.refusal(DecideBatch, { batchId, ...meeting, decisions: [{ applicationId: ids[0], outcome: 'maybe' as 'selected' }] }, department);
    expect(outcome.error.errors?.[0]).toEqual(expect.objectContaining({ field: 'decisions.0.outcome' }));
    const impossible = await rpc.refusal(PublishList, { decisionListId: listId, publicationDate: '2026-02-30' }, department);
    expect([impossible.code, impossible.error.errors?.[0]]).toEqual(['VALIDATION_FAILED', expect.objectContaining({ field: 'publicationDate', rule: 'isLocalDate' })]);
    const unknown = await rpc.refusal(PublishList, { decisionListId: randomUUID() }, department);
    expect([unknown.code, unknown.status]).toEqual(['DECISION_LIST_NOT_FOUND', 404]);
    expect(await q(`SELECT status FROM ${S()}.decision_lists WHERE id = $1`, [listId])).toEqual([{ status: 'DECIDED' }]);
    expect(await q(`SELECT 1 FROM ${S()}.decision_lists WHERE batch_id = $1`, [batchId])).toHaveLength(1);
    expect(await q(`SELECT state FROM ${S()}.candidates WHERE application_id = $1`, [ids[0]])).toEqual([{ state: 'ON_DECISION_LIST' }]);
  });

  describe('M9.3 closing publicities and M13 the public registry', () => {
    let ids: string[];
    let listId: string;
    let endsAt: string;
    const recognitionsOf = (appIds: string[]) =>
      q<{ id: string; application_id: string; document_no: string; document_date: string; valid_from: string; valid_until: string }>(
        `SELECT * FROM ${S()}.recognitions WHERE application_id = ANY($1::uuid[]) ORDER BY application_id`,
        [appIds],
      );

    beforeAll(async () => {
      ({ ids, listId } = await decidedList(3));
      ({ endsAt } = await rpc.request<{ endsAt: string }>(PublishList, { decisionListId: listId }, department));
      // An objection lodged against the third entry is still received (not yet closed) when the publicity ends.
      await q(
        `INSERT INTO ${S()}.objections (id, entry_id, objector_name, contact, grounds, status, lodged_at)
         SELECT $1, id, '张三', '13800000000', '产品并非首台', 'received', now() FROM ${S()}.decision_list_entries WHERE application_id = $2`,
        [randomUUID(), ids[2]],
      );
    });

    it('M9.3 issues nothing while the publicity runs, and reports its end date', async () => {
      const reply = await rpc.request<{ running: Array<{ decisionListId: string; endDate: string }> }>(CloseDuePublicities, {}, department);
      // Published Monday 30 Nov: day 1 that day, day 5 on Friday 4 Dec.
      expect(reply.running).toEqual([expect.objectContaining({ decisionListId: listId, startDate: '2026-11-30', endDate: '2026-12-04' })]);
      expect(endsAt).toBe('2026-12-04T16:00:00.000Z');
      expect(await recognitionsOf(ids)).toHaveLength(0);
    });

    it('M9.3 M13.2 after the end drafts one document without number, and issuing it recognizes the cleared entries for three years', async () => {
      await rpc.setClock(new Date(new Date(endsAt).getTime() + 1000));
      const reply = await rpc.request<{ closed: Array<{ decisionListId: string; draftDocumentId: string; draftedApplicationIds: string[]; heldBack: unknown[] }> }>(
        CloseDuePublicities,
        {},
        department,
      );
      const closed = reply.closed.find((c) => c.decisionListId === listId)!;
      expect(closed.draftedApplicationIds).toEqual([ids[0], ids[1]]);
      expect(closed.heldBack).toEqual([expect.objectContaining({ applicationId: ids[2], state: 'IN_PUBLICITY' })]);
      expect(await recognitionsOf(ids)).toHaveLength(0);
      const issued = await rpc.request<{ documentNo: string; documentDate: string }>(IssueRecognitionDocument, { documentId: closed.draftDocumentId, expectedVersion: 1 }, department);
      expect(issued.documentNo).toMatch(/^内工信装备认字〔2026〕\d+号$/);
      expect(issued.documentDate).toBe('2026-12-05');
      const rows = await recognitionsOf(ids);
      expect(rows.map((r) => r.application_id).sort()).toEqual([ids[0], ids[1]].sort());
      for (const r of rows) {
        expect(r).toMatchObject({ document_no: issued.documentNo, document_date: '2026-12-05', valid_from: '2026-12-05', valid_until: '2029-12-05' });
      }
      const events = await q(`SELECT 1 FROM ${S()}.outbox_events WHERE subject = 'publicity.recognition.issued.v1' AND payload->>'documentNo' = $1`, [issued.documentNo]);
      expect(events).toHaveLength(2);
      const again = await rpc.request<{ closed: unknown[] }>(CloseDuePublicities, {}, department);
      expect(again.closed).toEqual([]);
    });

    it('M13.1 M10.2 the public registry shows recognized products without scores, and keeps a revoked one with its status and history', async () => {
      type Row = { id: string; documentNo: string; status: string; statusSince: string | null; prefectureId: string; year: number };
      const registry = async () => (await rpc.request<{ items: Row[] }>(SearchPublicRecognitions, { search: '包头北方重型装备', pageSize: 100 })).items;
      const [first, second] = await recognitionsOf(ids);
      const mine = (await registry()).filter((r) => r.documentNo === first.document_no);
      expect(mine).toHaveLength(2);
      expect(mine[0]).toMatchObject({ status: 'valid', statusSince: null, prefectureId: '150200', year: 2026 });
      expect(Object.keys(mine[0])).not.toEqual(expect.arrayContaining(['score']));
      expect(Object.keys(mine[0])).not.toEqual(expect.arrayContaining(['opinion']));
      expect(await q(`SELECT kind, occurred_on FROM ${S()}.recognition_events WHERE recognition_id = $1`, [first.id])).toEqual([{ kind: 'issued', occurred_on: '2026-12-05' }]);
      await publishEvent(env, RecognitionRevoked, {
        revocationId: randomUUID(),
        recognitionId: first.id,
        applicationId: first.application_id,
        uscc: '91150200MA0N4KXX4C',
        grounds: 'IMPROPER_MEANS',
        reason: '提供虚假检测报告',
        decisionDate: '2026-12-05',
        revokedAt: new Date(new Date(endsAt).getTime() + 60_000).toISOString(),
      });
      const after = await eventually(async () => {
        const rows = (await registry()).filter((r) => r.documentNo === first.document_no);
        return rows.some((r) => r.status === 'revoked') ? rows : null;
      });
      expect(after!.find((r) => r.id === first.id)).toMatchObject({ status: 'revoked', statusSince: '2026-12-05' });
      expect(after!.find((r) => r.id === second.id)).toMatchObject({ status: 'valid' });
      expect(await q(`SELECT kind FROM ${S()}.recognition_events WHERE recognition_id = $1 ORDER BY occurred_on, occurred_at`, [first.id])).toEqual([{ kind: 'issued' }, { kind: 'revoked' }]);
    });

    it('M10.2 M13.1 once revoked by a decided case, the public verification says revoked, on which date and why', async () => {
      const [first] = await recognitionsOf(ids);
      const [{ certificate_no: certificateNo }] = await q<{ certificate_no: string }>(`SELECT certificate_no FROM ${S()}.recognitions WHERE id = $1`, [first.id]);
      const v = await rpc.request<RecognitionVerificationV1>(VerifyRecognition, { no: certificateNo });
      expect(v.matched).toBe('certificate');
      expect(v.recognitions).toEqual([
        expect.objectContaining({ id: first.id, status: 'revoked', statusSince: '2026-12-05', revocationNotice: '提供虚假检测报告' }),
      ]);
      expect(v.recognitions[0].history).toEqual([
        expect.objectContaining({ kind: 'issued' }),
        expect.objectContaining({ kind: 'revoked', occurredOn: '2026-12-05', detail: expect.objectContaining({ notice: '提供虚假检测报告' }) }),
      ]);
    });
  });

  it('seeds the working-day calendar once and never overwrites the Department\'s edits', async () => {
    const calendar = await rpc.request<{ years: Array<{ year: number; confirmed: boolean }> }>(GetCalendar, {});
    expect(calendar.years.map((y) => [y.year, y.confirmed])).toEqual([[2024, true], [2025, true], [2026, true]]);
    await q(`UPDATE ${S()}.calendar_years SET source = 'department' WHERE year = 2024`);
    await q(`DELETE FROM ${S()}.calendar_days WHERE date = '2024-10-07'`);
    await svc.app.get(CalendarStore).onModuleInit();
    expect(await q(`SELECT source FROM ${S()}.calendar_years WHERE year = 2024`)).toEqual([{ source: 'department' }]);
    expect(await q(`SELECT 1 FROM ${S()}.calendar_days WHERE date = '2024-10-07'`)).toHaveLength(0);
  });

  it('every command leaves an audit record, refusals included', async () => {
    const rows = await q<{ action: string; outcome: string }>(`SELECT DISTINCT action, outcome FROM ${S()}.audit_records`);
    expect(rows).toEqual(expect.arrayContaining([
      { action: 'decision.decide-batch', outcome: 'succeeded' },
      { action: 'decision-list.publish', outcome: 'rejected' },
      { action: 'publicity.close-due', outcome: 'succeeded' },
    ]));
  });
});
