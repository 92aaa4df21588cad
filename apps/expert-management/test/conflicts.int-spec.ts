import { randomUUID } from 'node:crypto';
import {
  AddExpert,
  AddExpertTie,
  CommissionInstitution,
  GetCaseConflicts,
  GetExpertConflicts,
  RecordConflict,
  SummarySubmitted,
  UpdateExpert,
} from '@firstset/contracts';
import { prcIdCheckCharacter, toShanghaiDate } from '@firstset/domain';
import { actors, cleanupTestEnv, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { conflictsForCase } from '../src/conflicts/conflicts-for-case';
import { expertManagementModule } from '../src/expert-management.module';
import { createPrisma } from '../src/prisma';

/** M11.1: conflicts of interest between the pool's experts and the cases the institution holds, each with its reason. */
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;

const ids = { centre: randomUUID(), other: randomUUID() };
const staff = actors.institution(ids.centre);
const otherStaff = actors.institution(ids.other);
const NORTHSTEEL = { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司' };
let seq = 200;
const nextId = () => {
  const first17 = `15020419800101${String(++seq).padStart(3, '0')}`;
  return first17 + prcIdCheckCharacter(first17);
};
const batchId = randomUUID();
const otherBatchId = randomUUID();
const caseId = randomUUID();
const otherCaseId = randomUUID();

interface Conflict { source: string; kind: string; reasonZh: string; reasonEn: string; recorded: boolean }
interface CaseConflicts { applicationId: string; fieldCode: string | null; experts: Array<{ expertId: string; name: string; conflicts: Conflict[] }> }
interface Detail { id: string; version: number }

const expert: Record<string, Detail> = {};
const add = async (name: string, over: Record<string, unknown> = {}, actor = staff) =>
  (expert[name] = await rpc.request<Detail>(
    AddExpert,
    { name, identityType: 'prc_id', identityNumber: nextId(), employerName: '内蒙古工业大学', title: '教授', fieldCodes: ['EF04'], field: '矿山机械', regionCode: '150100', available: true, ...over } as never,
    actor,
  ));

async function summary(applicationId: string, batch: string, extra: Record<string, unknown>) {
  await publishEvent(env, SummarySubmitted, {
    summaryId: randomUUID(),
    batchId: batch,
    prefectureId: '150200',
    entries: [
      {
        order: 1,
        applicationId,
        batchId: batch,
        applicationNo: `2026-150200-${String(++seq).padStart(5, '0')}`,
        prefectureId: '150200',
        enterprise: { ...NORTHSTEEL, registeredAddress: '包头市青山区' },
        product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: `ZK-${seq}`, rdCompletedOn: '2026-03-01' },
        opinion: '同意推荐',
        ...extra,
      },
    ],
    submittedBy: randomUUID(),
    submittedAt: new Date().toISOString(),
  } as never);
  await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'expert-management-summaries');
}

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-12-02T04:00:00Z'));
  const s = schemaOf(env, 'expert-management');
  await sql(env, `INSERT INTO "${s}".institutions (id, name, uscc) VALUES ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H'), ($2, '另一家评价机构', '12150000MB7654321X')`, [ids.centre, ids.other]);
  await rpc.request(CommissionInstitution, { batchId, institutionId: ids.centre }, actors.department());
  await rpc.request(CommissionInstitution, { batchId: otherBatchId, institutionId: ids.other }, actors.department());
  await summary(caseId, batchId, { fieldCode: 'EF04', catalogueEntryCode: 'EF04', partners: [{ name: '内蒙古科技大学' }, { name: '包头稀土研究院', uscc: '12150200MB0000001X' }] });
  await summary(otherCaseId, otherBatchId, {});
  await add('王明'); // unrelated
  await add('张伟', { employerName: '北方装备（别名）', employerUscc: NORTHSTEEL.uscc }); // works for the applicant, by USCC
  await add('李强', { ties: [{ kind: 'employment', counterpartyName: ' 包头北方重型装备有限公司', from: '2012-01-01', until: '2024-06-30' }] }); // left 2.5 years ago
  await add('赵敏', { employerName: '内蒙古科技大学' }); // employer is the application's partner
  await add('钱进', { regionCode: '150200' }); // same prefecture: the draft profile does not count it
  await add('孙悦', { ties: [{ kind: 'family', counterpartyName: '包头北方重型装备有限公司', note: '配偶任该公司副总经理' }] });
  await add('周斌', { ties: [{ kind: 'employment', counterpartyName: NORTHSTEEL.name, from: '2005-01-01', until: '2019-12-31' }] }); // left long ago
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

const reasons = (c: CaseConflicts, name: string) => c.experts.find((e) => e.name === name)!.conflicts.map((x) => `${x.source}:${x.kind}`);

describe('M11.1 conflicts of a case and of an expert', () => {
  it('M11.1 the case keeps the M4.2 field and the partners the summary carried', async () => {
    const [row] = await sql<{ field_code: string; partners: unknown }>(env, `SELECT field_code, partners FROM "${schemaOf(env, 'expert-management')}".review_cases WHERE id = $1`, [caseId]);
    expect(row).toEqual({ field_code: 'EF04', partners: [{ name: '内蒙古科技大学' }, { name: '包头稀土研究院', uscc: '12150200MB0000001X' }] });
    const [older] = await sql<{ field_code: string | null; partners: unknown }>(env, `SELECT field_code, partners FROM "${schemaOf(env, 'expert-management')}".review_cases WHERE id = $1`, [otherCaseId]);
    expect(older).toEqual({ field_code: null, partners: [] });
  });

  it('M11.1 lists every pool expert against a case with each conflict\'s reason, the conflicted first', async () => {
    const c = await rpc.request<CaseConflicts>(GetCaseConflicts, { applicationId: caseId }, staff);
    expect(c.fieldCode).toBe('EF04');
    expect(c.experts).toHaveLength(7);
    expect(c.experts.slice(0, 4).map((e) => e.name).sort()).toEqual(['孙悦', '张伟', '李强', '赵敏'].sort());
    expect(reasons(c, '张伟')).toEqual(['detected:same_employer']);
    expect(reasons(c, '李强')).toEqual(['detected:former_employer']);
    expect(reasons(c, '赵敏')).toEqual(['detected:partner']);
    expect(reasons(c, '孙悦')).toEqual(['declared:declared_tie']);
    expect([reasons(c, '王明'), reasons(c, '钱进'), reasons(c, '周斌')]).toEqual([[], [], []]);
    const li = c.experts.find((e) => e.name === '李强')!.conflicts[0];
    expect(li.reasonZh).toContain('2024-06-30');
    expect(li.reasonEn).toContain('within 3 years');
    expect(c.experts.find((e) => e.name === '孙悦')!.conflicts[0].reasonZh).toContain('配偶任该公司副总经理');
  });

  it('M11.1 another institution\'s case and expert are not found; other roles are refused', async () => {
    expect((await rpc.refusal(GetCaseConflicts, { applicationId: otherCaseId }, staff)).status).toBe(404);
    expect((await rpc.refusal(GetCaseConflicts, { applicationId: caseId }, otherStaff)).status).toBe(404);
    expect((await rpc.refusal(GetExpertConflicts, { expertId: expert['张伟'].id }, otherStaff)).status).toBe(404);
    expect((await rpc.refusal(GetCaseConflicts, { applicationId: caseId }, actors.expert(expert['张伟'].id))).status).toBe(403);
    expect((await rpc.refusal(RecordConflict, { expertId: expert['王明'].id, applicationId: caseId, kind: 'declared_on_assignment', reason: 'x' }, otherStaff)).status).toBe(404);
  });

  it('M11.1 an expert\'s conflicts across the institution\'s cases', async () => {
    const zhang = await rpc.request<{ name: string; cases: Array<{ applicationId: string; conflicts: Conflict[] }> }>(GetExpertConflicts, { expertId: expert['张伟'].id }, staff);
    expect(zhang.cases.map((c) => [c.applicationId, c.conflicts.map((x) => x.kind)])).toEqual([[caseId, ['same_employer']]]);
    const wang = await rpc.request<{ cases: unknown[] }>(GetExpertConflicts, { expertId: expert['王明'].id }, staff);
    expect(wang.cases).toEqual([]);
  });

  it('M11.1 a tie the expert declares later is a conflict at once', async () => {
    await rpc.request(AddExpertTie, { kind: 'coauthorship', counterpartyName: '包头稀土研究院', counterpartyUscc: '12150200MB0000001X', note: '合著论文 2025' }, actors.expert(expert['王明'].id));
    const c = await rpc.request<CaseConflicts>(GetCaseConflicts, { applicationId: caseId }, staff);
    expect(reasons(c, '王明')).toEqual(['declared:declared_tie']);
  });

  it('M11.1 the institution pins a detected conflict (it holds when the records change) and records one for the expert', async () => {
    const pinned = await rpc.request<CaseConflicts>(RecordConflict, { expertId: expert['赵敏'].id, applicationId: caseId, kind: 'partner', reason: '经核实为合作方' }, staff);
    expect(pinned.experts.find((e) => e.name === '赵敏')!.conflicts).toEqual([expect.objectContaining({ kind: 'partner', recorded: true })]);
    // 赵敏 moves to another employer: the pinned conflict stays, with its reason.
    await rpc.request(UpdateExpert, { name: '赵敏', employerName: '内蒙古大学', title: '教授', fieldCodes: ['EF04'], field: '矿山机械', regionCode: '150100', available: true, expertId: expert['赵敏'].id, version: expert['赵敏'].version }, staff);
    const after = await rpc.request<CaseConflicts>(GetCaseConflicts, { applicationId: caseId }, staff);
    const zhao = after.experts.find((e) => e.name === '赵敏')!.conflicts;
    expect(zhao).toEqual([expect.objectContaining({ source: 'detected', kind: 'partner', recorded: true, reasonZh: expect.stringContaining('经核实为合作方') })]);
    // Recorded on the expert's behalf.
    const declared = await rpc.request<CaseConflicts>(RecordConflict, { expertId: expert['钱进'].id, applicationId: caseId, kind: 'declared_on_assignment', reason: '曾为该企业提供咨询' }, staff);
    expect(declared.experts.find((e) => e.name === '钱进')!.conflicts).toEqual([
      expect.objectContaining({ source: 'declared', kind: 'declared_on_assignment', recorded: true, reasonZh: expect.stringContaining('曾为该企业提供咨询') }),
    ]);
    // A detected kind the records do not show cannot be pinned; a bad kind is refused at the edge.
    const notShown = await rpc.refusal(RecordConflict, { expertId: expert['周斌'].id, applicationId: caseId, kind: 'same_employer', reason: '猜测' }, staff);
    expect([notShown.code, notShown.status]).toEqual(['CONFLICT_KIND_INVALID', 422]);
    expect((await rpc.refusal(RecordConflict, { expertId: expert['周斌'].id, applicationId: caseId, kind: 'rivalry', reason: 'x' } as never, staff)).code).toBe('VALIDATION_FAILED');
    const rows = await sql<{ n: string }>(env, `SELECT count(*) AS n FROM "${schemaOf(env, 'expert-management')}".conflicts`);
    expect(Number(rows[0].n)).toBe(2);
  });

  it('M11.1 conflictsForCase answers the panel solver: detected, declared and recorded, per expert', async () => {
    const db = createPrisma({ databaseUrl: env.databaseUrl, dbSchema: schemaOf(env, 'expert-management') } as never);
    try {
      const reviewCase = await db.reviewCase.findUniqueOrThrow({ where: { id: caseId } });
      const experts = await db.expert.findMany({ where: { institutionId: ids.centre }, include: { ties: true } });
      const found = await conflictsForCase(db, reviewCase, experts, toShanghaiDate(new Date('2026-12-02T04:00:00Z')));
      const byName = new Map(experts.map((e) => [e.name, found.get(e.id)!.map((c) => c.kind)]));
      expect(Object.fromEntries(byName)).toEqual({
        王明: ['declared_tie'],
        张伟: ['same_employer'],
        李强: ['former_employer'],
        赵敏: ['partner'],
        钱进: ['declared_on_assignment'],
        孙悦: ['declared_tie'],
        周斌: [],
      });
    } finally {
      await db.$disconnect();
    }
  });
});

describe('M11.1 the licensor an application names in its IP list (intake → preliminary review → the summary event)', () => {
  // As intake names it for a licensed right and the prefecture's summary carries it on.
  const LICENSOR = { name: '北京某研究院有限公司', uscc: '91110108MA01XXXXXB' };
  const licensedCaseId = randomUUID();

  it('M11.1 an expert employed by the licensor (matched by its code, under another name) or there within the profile\'s years is in conflict, each with its reason', async () => {
    await summary(licensedCaseId, batchId, { fieldCode: 'EF04', partners: [LICENSOR] });
    await add('吴昊', { employerName: '北研院', employerUscc: LICENSOR.uscc });
    await add('郑洁', { ties: [{ kind: 'employment', counterpartyName: LICENSOR.name, from: '2015-01-01', until: '2025-03-31' }] });
    const c = await rpc.request<CaseConflicts>(GetCaseConflicts, { applicationId: licensedCaseId }, staff);
    const wu = c.experts.find((e) => e.name === '吴昊')!.conflicts;
    expect(wu).toEqual([
      expect.objectContaining({
        source: 'detected',
        kind: 'partner',
        reasonZh: '专家任职单位「北京某研究院有限公司」是申报产品的合作方或许可方',
        reasonEn: 'The expert\'s employer, 北京某研究院有限公司, is a partner or licensor of the application',
        recorded: false,
      }),
    ]);
    expect(c.experts.find((e) => e.name === '郑洁')!.conflicts).toEqual([
      expect.objectContaining({ source: 'detected', kind: 'former_employer', reasonZh: expect.stringContaining('北京某研究院有限公司') }),
    ]);
    // The employer of the first case's partner is no conflict here: the licensor is this case's only partner.
    expect(reasons(c, '赵敏')).toEqual([]);
    // The same experts against the case without that licensor: no partner conflict.
    const first = await rpc.request<CaseConflicts>(GetCaseConflicts, { applicationId: caseId }, staff);
    expect([reasons(first, '吴昊'), reasons(first, '郑洁')]).toEqual([[], []]);
  });
});
