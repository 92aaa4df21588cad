import { randomUUID } from 'node:crypto';
import {
  AdjustPanelSeat,
  AssignExpert,
  CommissionInstitution,
  ConfirmPanelRun,
  ListPanelCandidates,
  PanelCandidateViewV1,
  PanelOverviewV1,
  PanelRunViewV1,
  ProposePanels,
  ReadPanels,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { expertManagementModule } from '../src/expert-management.module';

// Panels by the solver (M8.1): proposed as a dry run, adjusted, confirmed; conflicts (M11.1),
// disqualification (M11.2), availability and load checked again on every step; one institution
// never touches another's runs.

const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const schema = () => schemaOf(env, 'expert-management');
const department = actors.department();
const ENTERPRISE = { name: '包头北方重型装备有限公司', uscc: '91150200MA0N4KXX4C' };
const ids = { centre: randomUUID(), other: randomUUID() };
const staff = actors.institution(ids.centre);
const otherStaff = actors.institution(ids.other);

/** The centre's pool: five EF03 experts, three EF07, and the ones that must never be chosen. */
const pool = {
  ef03: Array.from({ length: 5 }, () => randomUUID()),
  ef07: Array.from({ length: 3 }, () => randomUUID()),
  employee: randomUUID(), // works for the applicant: detected conflict
  tied: randomUUID(), // declared equity in the applicant
  formerly: randomUUID(), // left the applicant last year
  away: randomUUID(), // unavailable
  dq: randomUUID(), // disqualified (M11.2)
  outsider: randomUUID(), // another institution's expert
};
const never: string[] = [pool.employee, pool.tied, pool.formerly, pool.away, pool.dq, pool.outsider];
let seq = 0;

async function expert(id: string, name: string, institutionId: string, fieldCodes: string[], over: Record<string, unknown> = {}) {
  const row = { employer_name: '内蒙古工业大学', employer_uscc: null, available: true, disqualified_on: null, unavailable_until: null, ...over };
  await sql(env, `INSERT INTO "${schema()}".experts (id, name, institution_id, field, field_codes, employer_name, employer_uscc, available, disqualified_on, unavailable_until, title)
    VALUES ($1, $2, $3, '装备', $4, $5, $6, $7, $8, $9, '正高级工程师')`,
  [id, name, institutionId, fieldCodes, row.employer_name, row.employer_uscc, row.available, row.disqualified_on, row.unavailable_until]);
}

/** A batch commissioned to the centre (by the Department's command) and its cases under review. */
async function batchUnderReview(cases: number, fieldCode = 'EF03', institutionId = ids.centre): Promise<{ batchId: string; commissionId: string; caseIds: string[] }> {
  const batchId = randomUUID();
  const commission = await rpc.request<{ id: string }>(CommissionInstitution, { batchId, institutionId }, department);
  const caseIds: string[] = [];
  for (let i = 0; i < cases; i += 1) {
    seq += 1;
    const id = randomUUID();
    const no = `2026-150200-${process.pid % 1000}${String(seq).padStart(4, '0')}`;
    await sql(env, `INSERT INTO "${schema()}".review_cases (id, batch_id, application_no, prefecture_id, enterprise_uscc, enterprise_name, enterprise_address,
      product_kind, product_name, series, model, rd_completed_on, field_code, commission_id, recommendation_opinion, recommended_at, state, review_started_at, updated_at)
      VALUES ($1, $2, $3, '150200', $4, $5, '包头市青山区', 'FIRST_SET_EQUIPMENT', '大型矿用自卸车', 'ZK', $6, '2026-03-01', $7, $8, '同意推荐', now(), 'UNDER_COMPREHENSIVE_REVIEW', now(), now())`,
    [id, batchId, no, ENTERPRISE.uscc, ENTERPRISE.name, `ZK-${no}`, fieldCode, commission.id]);
    caseIds.push(id);
  }
  return { batchId, commissionId: commission.id, caseIds };
}

const assignmentsOf = (applicationId: string) =>
  sql<{ expert_id: string; status: string; panel_run_id: string | null; commission_id: string | null }>(
    env, `SELECT expert_id, status, panel_run_id, commission_id FROM "${schema()}".assignments WHERE application_id = $1 ORDER BY expert_id`, [applicationId]);
const chosen = (run: PanelRunViewV1, applicationId: string) => run.applications.find((a) => a.applicationId === applicationId)!.proposed.map((s) => s.expertId);

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  await sql(env, `INSERT INTO "${schema()}".institutions (id, name, uscc) VALUES ($1, '内蒙古自治区工业技术评价中心', '12150000MB1234562H'), ($2, '另一家评价机构', '12150000MB7654321X')`, [ids.centre, ids.other]);
  for (const [i, id] of pool.ef03.entries()) await expert(id, `矿山专家${i + 1}`, ids.centre, ['EF03']);
  for (const [i, id] of pool.ef07.entries()) await expert(id, `电力专家${i + 1}`, ids.centre, ['EF07']);
  await expert(pool.employee, '申报单位员工', ids.centre, ['EF03'], { employer_name: ENTERPRISE.name, employer_uscc: ENTERPRISE.uscc });
  await expert(pool.tied, '持股专家', ids.centre, ['EF03']);
  await expert(pool.formerly, '前员工', ids.centre, ['EF03']);
  await expert(pool.away, '出差专家', ids.centre, ['EF03'], { available: false });
  await expert(pool.dq, '被取消资格专家', ids.centre, ['EF03'], { disqualified_on: '2025-06-01' });
  await expert(pool.outsider, '外机构专家', ids.other, ['EF03']);
  await sql(env, `INSERT INTO "${schema()}".expert_ties (id, expert_id, kind, counterparty_name, counterparty_uscc, "from", until, note, declared_by, declared_at) VALUES
    ($1, $2, 'equity', $3, NULL, NULL, NULL, '持股 2%', 'test', now()),
    ($4, $5, 'employment', $3, $6, '2015-01-01', $7, NULL, 'test', now())`,
  [randomUUID(), pool.tied, ENTERPRISE.name, randomUUID(), pool.formerly, ENTERPRISE.uscc, `${new Date().getUTCFullYear() - 1}-06-30`]);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

describe('panels by the solver', () => {
  it('M8.1 M11.1 a dry run proposes a full panel per case, field matches first, no conflicted, unavailable or disqualified expert, and assigns nothing', async () => {
    const { batchId, caseIds } = await batchUnderReview(4);
    const run = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'seed-1' }, staff);
    expect(run).toMatchObject({ batchId, seed: 'seed-1', panelSize: 3, fieldMatchesRequired: 2, confirmedAt: null, seatsWanted: 12, seatsFilled: 12 });
    for (const id of caseIds) {
      const app = run.applications.find((a) => a.applicationId === id)!;
      expect(app.proposed).toHaveLength(3);
      expect(app.proposed.filter((s) => s.fieldMatch).length).toBeGreaterThanOrEqual(2);
      expect(app.proposed[0]).toMatchObject({ expertName: expect.stringMatching(/专家/), reasonZh: expect.stringContaining('专业领域匹配（EF03）'), adjusted: false });
      expect(app.shortfalls).toEqual([]);
      expect(app.proposed.map((s) => s.expertId).some((e) => never.includes(e))).toBe(false);
      expect(await assignmentsOf(id)).toEqual([]);
    }
    // Loads balanced across the eight eligible experts: 12 seats, nobody over 2.
    const loads = new Map<string, number>();
    for (const a of run.applications) for (const s of a.proposed) loads.set(s.expertId, (loads.get(s.expertId) ?? 0) + 1);
    expect(Math.max(...loads.values())).toBeLessThanOrEqual(2);
    // Reproducible: the same seed gives the same panels; the seed is in the audit log.
    const again = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'seed-1' }, staff);
    expect(again.applications).toEqual(run.applications);
    const audit = await sql<{ detail: { seed: string; seedGiven: boolean } }>(env, `SELECT detail FROM "${schema()}".audit_records WHERE action = 'panel.propose' AND object_id = $1`, [run.id]);
    expect(audit).toEqual([{ detail: expect.objectContaining({ seed: 'seed-1', seedGiven: true, batchId, seatsFilled: 12 }) }]);
    const generated = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId }, staff);
    expect(generated.seed).toMatch(/^[0-9a-f]{16}$/);
  });

  it('M8.1 M11.1 the institution adjusts a seat, sees why each expert can or cannot take it, and confirms: active assignments under the commission, once', async () => {
    const { batchId, commissionId, caseIds } = await batchUnderReview(1);
    const [caseId] = caseIds;
    const run = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'adjust' }, staff);
    const [first] = chosen(run, caseId);
    const candidates = await rpc.request<PanelCandidateViewV1[]>(ListPanelCandidates, { runId: run.id, applicationId: caseId }, staff);
    const of = (id: string) => candidates.find((c) => c.expertId === id)!;
    expect(of(pool.employee)).toMatchObject({ eligible: false, blockers: [expect.objectContaining({ code: 'conflict', zh: expect.stringContaining('专家现任职于申报单位') })] });
    expect(of(pool.tied).blockers[0]).toMatchObject({ code: 'conflict', zh: expect.stringContaining('持股') });
    expect(of(pool.formerly).blockers[0]).toMatchObject({ code: 'conflict', zh: expect.stringContaining('未满 3 年') });
    expect(of(pool.away).blockers.map((b) => b.code)).toEqual(['unavailable']);
    expect(of(pool.dq).blockers.map((b) => b.code)).toEqual(['disqualified']);
    expect(of(first).blockers.map((b) => b.code)).toEqual(['on_panel']);
    expect(candidates.some((c) => c.expertId === pool.outsider)).toBe(false);
    const spare = candidates.find((c) => c.eligible && c.fieldMatch)!;

    const adjusted = await rpc.request<PanelRunViewV1>(AdjustPanelSeat, { runId: run.id, applicationId: caseId, replaceExpertId: first, expertId: spare.expertId }, staff);
    const seat = adjusted.applications[0].proposed.find((s) => s.expertId === spare.expertId)!;
    expect(seat).toMatchObject({ adjusted: true, fieldMatch: true, reasonZh: expect.stringContaining('机构调整') });
    expect(chosen(adjusted, caseId)).not.toContain(first);

    const key = randomUUID();
    const confirmed = await rpc.request<PanelRunViewV1>(ConfirmPanelRun, { runId: run.id }, staff, { idempotencyKey: key });
    expect(confirmed).toMatchObject({ confirmedAt: expect.any(String), assignmentsCreated: 3 });
    const rows = await assignmentsOf(caseId);
    expect(rows.map((r) => r.expert_id).sort()).toEqual(chosen(adjusted, caseId).sort());
    expect(rows.every((r) => r.status === 'active' && r.panel_run_id === run.id && r.commission_id === commissionId)).toBe(true);
    // The same request again answers the same; a new confirmation is refused and assigns nothing more.
    expect(await rpc.request(ConfirmPanelRun, { runId: run.id }, staff, { idempotencyKey: key })).toEqual(confirmed);
    const twice = await rpc.refusal(ConfirmPanelRun, { runId: run.id }, staff);
    expect([twice.code, twice.status]).toEqual(['PANEL_RUN_CONFIRMED', 409]);
    const late = await rpc.refusal(AdjustPanelSeat, { runId: run.id, applicationId: caseId, replaceExpertId: spare.expertId, expertId: first }, staff);
    expect([late.code, late.status]).toEqual(['PANEL_RUN_CONFIRMED', 409]);
    expect(await assignmentsOf(caseId)).toHaveLength(3);
    const overview = await rpc.request<PanelOverviewV1>(ReadPanels, { batchId }, staff);
    expect(overview.cases).toEqual([expect.objectContaining({ applicationId: caseId, needsExperts: false, needsReplacement: false, activeExperts: expect.any(Array) })]);
    expect(overview.latestRun).toMatchObject({ id: run.id, confirmedAt: expect.any(String) });
  });

  it('M11.1 M11.2 adjusting into a conflicted, unavailable, disqualified, outside or already seated expert is refused with the reason, and changes nothing', async () => {
    const { batchId, caseIds } = await batchUnderReview(1);
    const [caseId] = caseIds;
    const run = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'hostile' }, staff);
    const [first, second] = chosen(run, caseId);
    const adjust = (expertId: string, replaceExpertId: string | undefined = first) =>
      rpc.refusal(AdjustPanelSeat, { runId: run.id, applicationId: caseId, expertId, ...(replaceExpertId ? { replaceExpertId } : {}) }, staff);
    const conflicted = await adjust(pool.employee);
    expect([conflicted.code, conflicted.status]).toEqual(['EXPERT_CONFLICTED', 422]);
    expect(conflicted.error.detail).toContain('专家现任职于申报单位「包头北方重型装备有限公司」');
    expect((await adjust(pool.tied)).code).toBe('EXPERT_CONFLICTED');
    expect([(await adjust(pool.away)).code, (await adjust(pool.away)).status]).toEqual(['EXPERT_UNAVAILABLE', 422]);
    expect((await adjust(pool.dq)).code).toBe('EXPERT_DISQUALIFIED');
    expect((await adjust(pool.outsider)).code).toBe('EXPERT_NOT_IN_INSTITUTION');
    expect([(await adjust(second)).code, (await adjust(second)).status]).toEqual(['EXPERT_ON_PANEL', 409]);
    expect((await adjust(pool.ef07[0], randomUUID())).code).toBe('PANEL_SEAT_MISSING');
    expect((await adjust(pool.ef07[0], null as never)).code).toBe('PANEL_FULL');
    expect((await rpc.refusal(AdjustPanelSeat, { runId: run.id, applicationId: randomUUID(), expertId: pool.ef07[0] }, staff)).status).toBe(404);
    expect((await rpc.refusal(AdjustPanelSeat, { runId: run.id, applicationId: caseId, expertId: 'somebody' }, staff)).code).toBe('VALIDATION_FAILED');
    const stored = await sql<{ proposal: { applications: Array<{ proposed: Array<{ expertId: string }> }> } }>(env, `SELECT proposal FROM "${schema()}".panel_runs WHERE id = $1`, [run.id]);
    expect(stored[0].proposal.applications[0].proposed.map((s) => s.expertId)).toEqual(chosen(run, caseId));
    const [{ n }] = await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schema()}".audit_records WHERE action = 'panel.adjust' AND object_id = $1 AND outcome = 'rejected'`, [run.id]);
    expect(n).toBeGreaterThanOrEqual(11); // each refusal above is on record
  });

  it('M8.1 one institution never sees, adjusts or confirms another\'s runs; only institution staff work on panels', async () => {
    const { batchId, caseIds } = await batchUnderReview(1);
    const run = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'mine' }, staff);
    const [first] = chosen(run, caseIds[0]);
    for (const [contract, payload] of [
      [ConfirmPanelRun, { runId: run.id }],
      [AdjustPanelSeat, { runId: run.id, applicationId: caseIds[0], replaceExpertId: first, expertId: pool.outsider }],
      [ListPanelCandidates, { runId: run.id, applicationId: caseIds[0] }],
      [ProposePanels, { batchId }],
      [ReadPanels, { batchId }],
    ] as const) {
      const err = await rpc.refusal(contract as typeof ReadPanels, payload as never, otherStaff);
      expect([contract.subject, err.code, err.status]).toEqual([contract.subject, 'NOT_FOUND', 404]);
    }
    expect((await rpc.request<PanelOverviewV1>(ReadPanels, {}, otherStaff)).batches.map((b) => b.batchId)).not.toContain(batchId);
    for (const actor of [department, actors.expert(pool.ef03[0]), actors.auditor(), actors.enterprise(ENTERPRISE.uscc)]) {
      expect((await rpc.refusal(ConfirmPanelRun, { runId: run.id }, actor)).status).toBe(403);
      expect((await rpc.refusal(ProposePanels, { batchId }, actor)).status).toBe(403);
    }
    expect((await rpc.refusal(ConfirmPanelRun, { runId: randomUUID() }, staff)).status).toBe(404);
    expect(await assignmentsOf(caseIds[0])).toEqual([]);
  });

  it('M8.1 a run on cases of an ended commission is refused: no proposal (404), no confirmation (409), nothing assigned', async () => {
    const { batchId, commissionId, caseIds } = await batchUnderReview(1);
    const run = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'ending' }, staff);
    await sql(env, `UPDATE "${schema()}".commissions SET ended_at = now(), ended_by = 'test', end_reason = '机构被禁入' WHERE id = $1`, [commissionId]);
    const propose = await rpc.refusal(ProposePanels, { batchId }, staff);
    expect([propose.code, propose.status]).toEqual(['NOT_FOUND', 404]);
    const confirm = await rpc.refusal(ConfirmPanelRun, { runId: run.id }, staff);
    expect([confirm.code, confirm.status]).toEqual(['PANEL_RUN_STALE', 409]);
    expect(await assignmentsOf(caseIds[0])).toEqual([]);
    expect((await rpc.request<PanelOverviewV1>(ReadPanels, {}, staff)).batches.map((b) => b.batchId)).not.toContain(batchId);
  });

  it('M15 a run over cases filed under different policy profiles is refused: one run has one set of rules', async () => {
    const { batchId, caseIds } = await batchUnderReview(2);
    await sql(env, `UPDATE "${schema()}".review_cases SET policy_profile_version = '2025-interim' WHERE id = $1`, [caseIds[1]]);
    const mixed = await rpc.refusal(ProposePanels, { batchId, seed: 'mixed' }, staff);
    expect([mixed.code, mixed.status]).toEqual(['PANEL_PROFILES_MIXED', 422]);
    expect(mixed.error.title).toContain('nmg-first-set@2025-interim');
    // Each case alone is proposed under its own profile's rules.
    const alone = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, applicationId: caseIds[0], seed: 'alone' }, staff);
    expect(alone.applications.map((a) => a.applicationId)).toEqual([caseIds[0]]);
    expect(await assignmentsOf(caseIds[0])).toEqual([]);
  });

  it('M8.1 an older run is stale once another is confirmed, and a run whose expert became conflicted meanwhile is refused', async () => {
    const { batchId, caseIds } = await batchUnderReview(1);
    const older = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'older' }, staff);
    const newer = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'newer' }, staff);
    await rpc.request(ConfirmPanelRun, { runId: newer.id }, staff);
    const stale = await rpc.refusal(ConfirmPanelRun, { runId: older.id }, staff);
    expect([stale.code, stale.status]).toEqual(['PANEL_RUN_STALE', 409]);
    expect(await assignmentsOf(caseIds[0])).toHaveLength(3);

    const second = await batchUnderReview(1);
    const run = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId: second.batchId, seed: 'pinned' }, staff);
    const [victim] = chosen(run, second.caseIds[0]);
    await sql(env, `INSERT INTO "${schema()}".conflicts (id, expert_id, application_id, source, kind, reason_zh, reason_en, recorded_by, recorded_at)
      VALUES ($1, $2, $3, 'declared', 'declared_on_assignment', '专家申报：曾为该产品提供咨询', 'Declared: consulted on the product', 'test', now())`, [randomUUID(), victim, second.caseIds[0]]);
    const refused = await rpc.refusal(ConfirmPanelRun, { runId: run.id }, staff);
    expect([refused.code, refused.status]).toEqual(['PANEL_RUN_STALE', 409]);
    expect(refused.error.detail).toContain('曾为该产品提供咨询');
    expect(await assignmentsOf(second.caseIds[0])).toEqual([]);
  });

  it('M11.1 a case whose expert recused needs a replacement: proposing for it fills only the missing seat and keeps the others', async () => {
    const { batchId, caseIds } = await batchUnderReview(2);
    await rpc.request(ConfirmPanelRun, { runId: (await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'first' }, staff)).id }, staff);
    const [caseId] = caseIds;
    const before = await assignmentsOf(caseId);
    const recused = before[0].expert_id;
    await sql(env, `UPDATE "${schema()}".assignments SET status = 'recused', ended_at = now(), end_reason = '与申报单位有合作' WHERE application_id = $1 AND expert_id = $2`, [caseId, recused]);
    const overview = await rpc.request<PanelOverviewV1>(ReadPanels, { batchId }, staff);
    expect(overview.cases.find((c) => c.applicationId === caseId)).toMatchObject({ needsExperts: true, needsReplacement: true, activeExperts: expect.arrayContaining([expect.objectContaining({ expertId: before[1].expert_id })]) });
    expect(overview.cases.find((c) => c.applicationId === caseIds[1])).toMatchObject({ needsExperts: false, needsReplacement: false });

    // The whole batch: only the short case is in the run.
    const batchRun = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'replace' }, staff);
    expect(batchRun.applications.map((a) => a.applicationId)).toEqual([caseId]);
    const run = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, applicationId: caseId, seed: 'replace' }, staff);
    const app = run.applications[0];
    expect(app.kept.map((k) => k.expertId).sort()).toEqual(before.slice(1).map((r) => r.expert_id).sort());
    expect(app.proposed).toHaveLength(1);
    expect(app.proposed[0].expertId).not.toBe(recused);
    expect(run.seatsWanted).toBe(1);
    await rpc.request(ConfirmPanelRun, { runId: run.id }, staff);
    const after = await assignmentsOf(caseId);
    expect(after.filter((r) => r.status === 'active')).toHaveLength(3);
    expect(after.find((r) => r.expert_id === recused)!.status).toBe('recused');
    expect((await rpc.request<PanelOverviewV1>(ReadPanels, { batchId }, staff)).cases.every((c) => !c.needsExperts)).toBe(true);
  });

  it('M8.1 seats stay empty with the reason when the pool runs out; loads never pass the profile\'s limit', async () => {
    // 4 cases × 3 seats = 12 over 8 eligible experts: fine. 30 cases × 3 = 90 > 8 × 8 = 64 seats.
    const { batchId } = await batchUnderReview(30, 'EF07');
    const run = await rpc.request<PanelRunViewV1>(ProposePanels, { batchId, seed: 'crowd' }, staff);
    expect(run.seatsWanted).toBe(90);
    expect(run.seatsFilled).toBe(64);
    const loads = new Map<string, number>();
    for (const a of run.applications) for (const s of a.proposed) loads.set(s.expertId, (loads.get(s.expertId) ?? 0) + 1);
    expect([...loads.values()].every((n) => n === 8)).toBe(true);
    const shortfalls = run.applications.flatMap((a) => a.shortfalls);
    expect(shortfalls.filter((s) => s.kind === 'experts_at_max_load').reduce((n, s) => n + s.seats, 0)).toBe(26);
    expect(shortfalls.some((s) => s.kind === 'field_requirement_unmet' && s.reasonZh.includes('EF07'))).toBe(true);
    await rpc.request(ConfirmPanelRun, { runId: run.id }, staff);
    // Every eligible expert is now at 8 in this batch: a manual assignment is refused.
    const open = run.applications.find((a) => a.proposed.length < 3)!;
    const full = await rpc.refusal(AssignExpert, { applicationId: open.applicationId, expertId: pool.ef03[0] }, staff);
    expect([full.code, full.status]).toEqual(['EXPERT_AT_MAX_LOAD', 422]);
  });

  it('M11.1 the manual assignment refuses a conflicted expert with the reasons, an unavailable one, and a recused one again', async () => {
    const { caseIds } = await batchUnderReview(1);
    const [caseId] = caseIds;
    const conflicted = await rpc.refusal(AssignExpert, { applicationId: caseId, expertId: pool.formerly }, staff);
    expect([conflicted.code, conflicted.status]).toEqual(['EXPERT_CONFLICTED', 422]);
    expect(conflicted.error.detail).toMatch(/M11\.1: 专家 \d{4}-06-30 前任职于「包头北方重型装备有限公司」，未满 3 年/);
    expect((await rpc.refusal(AssignExpert, { applicationId: caseId, expertId: pool.employee }, staff)).code).toBe('EXPERT_CONFLICTED');
    expect((await rpc.refusal(AssignExpert, { applicationId: caseId, expertId: pool.away }, staff)).code).toBe('EXPERT_UNAVAILABLE');
    await rpc.request(AssignExpert, { applicationId: caseId, expertId: pool.ef03[0] }, staff);
    expect(await assignmentsOf(caseId)).toEqual([expect.objectContaining({ expert_id: pool.ef03[0], status: 'active', panel_run_id: null, commission_id: expect.any(String) })]);
    await sql(env, `UPDATE "${schema()}".assignments SET status = 'recused' WHERE application_id = $1`, [caseId]);
    expect((await rpc.refusal(AssignExpert, { applicationId: caseId, expertId: pool.ef03[0] }, staff)).code).toBe('EXPERT_ENDED_ON_CASE');
  });
});
