import { createHash, randomUUID } from 'node:crypto';
import { ApplicationReviewed, ApplicationReviewedV1, DecideBatch, GetPublicNotice, ListPublicNotices, PublishList } from '@firstset/contracts';
import { canonicalListContent, INNER_MONGOLIA_RECOGNITION } from '@firstset/domain';
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
import { publicityModule } from '../src/publicity.module';

const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const S = () => `"${schemaOf(env, 'publicity')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);
const at = (isoChina: string) => rpc.setClock(new Date(`${isoChina}T10:00:00+08:00`));

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
  await at('2026-11-30');
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

/** A list decided today (the services' clock) from `count` fresh reviewed candidates, all selected. */
async function decidedList(count: number, today: string) {
  const batchId = randomUUID();
  const events: ApplicationReviewedV1[] = Array.from({ length: count }, (_, i) => ({
    applicationId: randomUUID(),
    batchId,
    applicationNo: `2026-150200-${String(i + 1).padStart(5, '0')}`,
    prefectureId: '150200',
    enterprise: { uscc: '91150200MA0N4KXX4C', name: `包头北方重型装备有限公司${i + 1}`, registeredAddress: '包头市青山区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${i + 1}`, rdCompletedOn: '2026-03-01' },
    score: 91,
    opinion: '专家组评分较高',
    reviewedAt: new Date().toISOString(),
  }));
  for (const e of events) await publishEvent(env, ApplicationReviewed, e);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.candidates WHERE batch_id = $1`, [batchId])).length === count);
  const decisions = events.map((e) => ({ applicationId: e.applicationId, outcome: 'selected' as const }));
  const { list } = await rpc.request<{ list: { id: string } }>(DecideBatch, { batchId, meetingRef: '厅务会纪要〔2026〕3号', meetingOn: today, deliberation: '', decisions }, department);
  return { batchId, listId: list.id, ids: events.map((e) => e.applicationId) };
}

type Published = { id: string; startDate: string; endDate: string };
const publish = (decisionListId: string, publicationDate?: string) =>
  rpc.request<Published>(PublishList, { decisionListId, ...(publicationDate ? { publicationDate } : {}) }, department);
const publicityOf = async (listId: string) => (await q<{ id: string }>(`SELECT id FROM ${S()}.publicities WHERE decision_list_id = $1`, [listId]))[0];

describe('the public notice (M9.2)', () => {
  it('M9.2 refuses a back-dated publication, and one before the decision, changing nothing', async () => {
    await at('2026-11-30');
    const { listId } = await decidedList(1, '2026-11-30');
    const past = await rpc.refusal(PublishList, { decisionListId: listId, publicationDate: '2026-11-27' }, department);
    expect([past.code, past.status, past.error.errors?.[0].field]).toEqual(['PUBLICATION_DATE_PAST', 422, 'publicationDate']);
    expect(await q(`SELECT status FROM ${S()}.decision_lists WHERE id = $1`, [listId])).toEqual([{ status: 'DECIDED' }]);
    expect(await publicityOf(listId)).toBeUndefined();
    // The services' clock moved back: the decision's day still bounds the publication.
    await at('2026-11-20');
    const beforeDecision = await rpc.refusal(PublishList, { decisionListId: listId, publicationDate: '2026-11-25' }, department);
    expect(beforeDecision.code).toBe('PUBLICATION_DATE_PAST');
    expect(beforeDecision.error.title).toContain('2026-11-30');
    await at('2026-11-30');
    expect(await publish(listId, '2026-12-01')).toMatchObject({ startDate: '2026-12-01' });
  });

  it('M9.2 refuses to publish a list with no entries', async () => {
    const id = randomUUID();
    await q(`INSERT INTO ${S()}.decision_lists (id, batch_id, status, decided_on, decided_by) VALUES ($1, $2, 'DECIDED', '2026-11-30', 'x')`, [id, randomUUID()]);
    const err = await rpc.refusal(PublishList, { decisionListId: id }, department);
    expect([err.code, err.status]).toEqual(['DECISION_LIST_EMPTY', 422]);
    expect(await publicityOf(id)).toBeUndefined();
  });

  it('M9.2 over the Spring Festival: published Thursday 12 Feb 2026, the make-up Saturday counts and it ends on 25 Feb', async () => {
    await at('2026-02-11');
    const { listId } = await decidedList(1, '2026-02-11');
    // 12, 13 Feb, make-up Saturday 14 Feb; 15–23 Feb are holidays; 24 and 25 Feb.
    expect(await publish(listId, '2026-02-12')).toMatchObject({ startDate: '2026-02-12', endDate: '2026-02-25' });
    await at('2026-11-30');
  });

  it('M9.2 over New Year into 2026: ends on 6 Jan 2026 and records both calendar years with their source', async () => {
    await at('2025-12-29');
    const { listId } = await decidedList(1, '2025-12-29');
    // 30, 31 Dec; 1–3 Jan holidays; make-up Sunday 4 Jan; 5, 6 Jan.
    const published = await publish(listId, '2025-12-30');
    expect(published).toMatchObject({ startDate: '2025-12-30', endDate: '2026-01-06' });
    const notice = await rpc.request<{ calendarUsed: Array<{ year: number; source: string }> }>(GetPublicNotice, { id: published.id });
    expect(notice.calendarUsed).toEqual([
      { year: 2025, source: expect.stringContaining('2025') },
      { year: 2026, source: '国务院办公厅关于2026年部分节假日安排的通知' },
    ]);
    await at('2026-11-30');
  });

  it('M9.2 refuses a publicity running into 2027, whose calendar is not confirmed', async () => {
    await at('2026-12-28');
    const { listId } = await decidedList(1, '2026-12-28');
    const err = await rpc.refusal(PublishList, { decisionListId: listId, publicationDate: '2026-12-29' }, department);
    expect([err.code, err.status]).toEqual(['CALENDAR_YEAR_UNCONFIRMED', 422]);
    expect(await publicityOf(listId)).toBeUndefined();
    await at('2026-11-30');
  });

  it('M9.1 M9.2 anyone reads the notice: the frozen entries as stored, a recomputable hash, the dates, the rule, the contact, no scores', async () => {
    await at('2026-11-30');
    const { batchId, listId } = await decidedList(2, '2026-11-30');
    const published = await publish(listId);
    type Notice = {
      id: string; decidedOn: string; contentHash: string; objectionsOpen: boolean; status: string; entryCount: number; title: string;
      entries: Array<Record<string, unknown> & { id: string; seq: number }>; contact: Record<string, string>; countingRule: { zh: string; en: string };
      publicationDate: string; startDate: string; endDate: string; workingDays: number;
    };
    const notice = await rpc.request<Notice>(GetPublicNotice, { id: published.id });
    expect(notice).toMatchObject({ publicationDate: '2026-11-30', startDate: '2026-11-30', endDate: '2026-12-04', workingDays: 5, status: 'open', entryCount: 2, title: '2026' });
    expect(notice.objectionsOpen).toBe(true);
    expect(notice.countingRule.zh).toMatch(/5个工作日/);
    expect(notice.contact).toEqual({ ...INNER_MONGOLIA_RECOGNITION.noticeContact });
    const [stored] = await q<{ content: unknown[] }>(`SELECT content FROM ${S()}.decision_lists WHERE id = $1`, [listId]);
    expect(notice.entries.map(({ id: _id, ...e }) => e)).toEqual(stored.content);
    const entryIds = await q<{ id: string }>(`SELECT id FROM ${S()}.decision_list_entries WHERE decision_list_id = $1 ORDER BY seq`, [listId]);
    expect(notice.entries.map((e) => e.id)).toEqual(entryIds.map((e) => e.id));
    const recomputed = createHash('sha256')
      .update(canonicalListContent({ batchId, decidedOn: notice.decidedOn, entries: notice.entries as never }))
      .digest('hex');
    expect(notice.contentHash).toBe(recomputed);
    expect(JSON.stringify(notice)).not.toMatch(/score|opinion|专家组评分/);
    const list = await rpc.request<Array<{ id: string; entryCount: number; status: string }>>(ListPublicNotices, {});
    expect(list.find((n) => n.id === published.id)).toMatchObject({ entryCount: 2, status: 'open' });
    // After the publicity's end objections are closed.
    await rpc.setClock(new Date('2026-12-04T16:00:00Z'));
    expect((await rpc.request<Notice>(GetPublicNotice, { id: published.id })).objectionsOpen).toBe(false);
    await at('2026-11-30');
    const unknown = await rpc.refusal(GetPublicNotice, { id: randomUUID() });
    expect([unknown.code, unknown.status]).toEqual(['NOTICE_NOT_FOUND', 404]);
  });

  it('only department officers publish (enterprise, prefecture: 403)', async () => {
    const { listId } = await decidedList(1, '2026-11-30');
    for (const actor of [actors.enterprise('91150200MA0N4KXX4C'), actors.prefecture('150200')]) {
      const err = await rpc.refusal(PublishList, { decisionListId: listId }, actor);
      expect([err.code, err.status]).toEqual(['FORBIDDEN_ROLE', 403]);
    }
    expect(await publicityOf(listId)).toBeUndefined();
  });
});
