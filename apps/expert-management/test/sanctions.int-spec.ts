import { randomUUID } from 'node:crypto';
import { CommissionInstitution, ExpertDisqualified, InstitutionBanImposed, SanctionChanged } from '@firstset/contracts';
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
import { expertManagementModule } from '../src/expert-management.module';

const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const institutionId = randomUUID();
const expertId = randomUUID();
const USCC = '12150000MB1234562H';
const s = () => schemaOf(env, 'expert-management');

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-11-28T04:00:00Z'));
  await sql(env, `INSERT INTO "${s()}".institutions (id, name, uscc) VALUES ($1, '评价中心', $2)`, [institutionId, USCC]);
  await sql(env, `INSERT INTO "${s()}".experts (id, name, institution_id, field) VALUES ($1, '王明', $2, '电力装备')`, [expertId, institutionId]);
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

const institution = async () =>
  (await sql<{ banned_until: string | null; ban_suspended_on: string | null }>(env, `SELECT banned_until, ban_suspended_on FROM "${s()}".institutions WHERE id = $1`, [institutionId]))[0];
const expert = async () => (await sql<{ disqualified_on: string | null }>(env, `SELECT disqualified_on FROM "${s()}".experts WHERE id = $1`, [expertId]))[0];
/** A change the registry publishes for a decided sanction (ADR 0026), effective 2026-11-28. */
const changed = (measure: string, change: 'suspended' | 'resumed' | 'lifted' | 'set_aside', subjectId: string, on = '2026-11-28') =>
  publishEvent(env, SanctionChanged, { sanctionId: randomUUID(), measure, subjectId, change, on, reason: '复议', changedAt: new Date().toISOString() });
const consumed = (n: number) =>
  eventually(async () => (await sql(env, `SELECT 1 FROM "${s()}".inbox_events WHERE consumer = 'expert-management-sanction-changes'`)).length, (c) => c === n);

describe('sanctions from compliance', () => {
  it('M10.3 an institution banned by compliance cannot be commissioned, and a later shorter ban does not shorten it', async () => {
    await publishEvent(env, InstitutionBanImposed, {
      banId: randomUUID(), institutionId, institutionUscc: USCC, startsOn: '2026-11-28', endsOn: '2029-11-28',
    });
    await eventually(institution, (i) => i.banned_until === '2029-11-28', { what: 'the ban on the institution' });
    const err = await rpc.refusal(CommissionInstitution, { batchId: randomUUID(), institutionId }, actors.department());
    expect([err.code, err.status]).toEqual(['INSTITUTION_BANNED', 422]);
    await publishEvent(env, InstitutionBanImposed, {
      banId: randomUUID(), institutionId: 'by-credit-code', institutionUscc: USCC, startsOn: '2026-12-01', endsOn: '2027-06-01',
    });
    await eventually(
      async () => (await sql(env, `SELECT 1 FROM "${s()}".inbox_events WHERE consumer = 'expert-management-institution-bans'`)).length,
      (n) => n === 2,
    );
    expect((await institution()).banned_until).toBe('2029-11-28');
  });

  it('M11.2 an expert disqualified by compliance is marked from the decision date', async () => {
    await publishEvent(env, ExpertDisqualified, { disqualificationId: randomUUID(), expertId, decisionDate: '2026-11-28' });
    const [row] = await eventually(
      () => sql<{ disqualified_on: string | null }>(env, `SELECT disqualified_on FROM "${s()}".experts WHERE id = $1`, [expertId]),
      (rows) => rows[0]?.disqualified_on !== null,
      { what: 'the disqualification on the expert' },
    );
    expect(row.disqualified_on).toBe('2026-11-28');
  });

  it('M10.3 a ban suspended in the registry lets the institution be commissioned; resumed, it bars again and ends that commission; lifted, it ends the day before', async () => {
    await changed('institution_ban', 'suspended', institutionId);
    await consumed(1);
    expect(await institution()).toEqual({ banned_until: '2029-11-28', ban_suspended_on: '2026-11-28' });
    const held = await rpc.request<{ id: string }>(CommissionInstitution, { batchId: randomUUID(), institutionId }, actors.department());
    await changed('institution_ban', 'resumed', institutionId);
    await consumed(2);
    expect(await institution()).toEqual({ banned_until: '2029-11-28', ban_suspended_on: null });
    const [ended] = await sql<{ ended_at: Date | null; end_reason: string | null }>(env, `SELECT ended_at, end_reason FROM "${s()}".commissions WHERE id = $1`, [held.id]);
    expect(ended.ended_at).not.toBeNull();
    expect(ended.end_reason).toContain('M10.3');
    const barred = await rpc.refusal(CommissionInstitution, { batchId: randomUUID(), institutionId }, actors.department());
    expect([barred.code, barred.status]).toEqual(['INSTITUTION_BANNED', 422]);
    // A resumption of a ban that is not suspended stops nothing more.
    await changed('institution_ban', 'resumed', institutionId);
    await consumed(3);
    await changed('institution_ban', 'lifted', institutionId);
    await consumed(4);
    expect(await institution()).toEqual({ banned_until: '2026-11-27', ban_suspended_on: null });
    await rpc.request(CommissionInstitution, { batchId: randomUUID(), institutionId }, actors.department());
  });

  it('M11.2 a disqualification is not suspended here (no such change applies); set aside, it is cleared', async () => {
    await changed('expert_disqualification', 'suspended', expertId);
    await consumed(5);
    expect(await expert()).toEqual({ disqualified_on: '2026-11-28' });
    await changed('expert_disqualification', 'set_aside', expertId);
    await consumed(6);
    expect(await expert()).toEqual({ disqualified_on: null });
  });
});
