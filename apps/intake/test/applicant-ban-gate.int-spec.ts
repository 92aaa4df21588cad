import { randomUUID } from 'node:crypto';
import {
  ApplicantBanImposed,
  ApplicationRecommended,
  AssignmentAccepted,
  CreateApplication,
  GetApplication,
  ListNotifications,
  ResubmitApplication,
  ReviewStarted,
  SubmitApplication,
} from '@firstset/contracts';
import { actors, cleanupTestEnv, CURRENT_PLEDGE_VERSION, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { SANCTION_MEASURE_LABELS } from '@firstset/domain';
import { intakeModule } from '../src/intake.module';
import { AppView, BAOTOU_USCC, completeDraft, createApplication, openBatch, OTHER_USCC, product, registerEnterprise, submitAndReturn, submittedApplication } from './helpers';

// M10.2 at intake's gate, driven by the event a decided compliance case publishes (ADR 0026): the
// banned applicant cannot create or submit, and its applications in progress stop, each with a
// notice in its inbox saying the measure, its reason, its period and its end date. Issue 19 item 3:
// every application still withdrawable stops, also those recommended or under comprehensive review
// (expert management and publicity end their case on ApplicationWithdrawn), and its reviewers lose
// the materials.
const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);
const other = actors.enterprise(OTHER_USCC);
const S = () => `"${schemaOf(env, 'intake')}"`;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const REASON = '经查实，申请材料中的销售合同系伪造';
let batchId: string;
let draft: AppView;
let submitted: AppView;
let returned: AppView;
let othersSubmitted: AppView;
let recommendedApp: AppView;
let underReview: AppView;
const institutionId = randomUUID();
const expertId = randomUUID();
let ban: { banId: string; uscc: string; startsOn: string; endsOn: string; reason: string; revocationId: string };

interface Inbox {
  items: Array<{ applicationId: string; kind: string; title: { zh: string; en: string }; body: string }>;
}
const inbox = async (actor = enterprise) => (await rpc.request<Inbox>(ListNotifications, { pageSize: 100 }, actor)).items;
const stateOf = async (id: string, actor = enterprise) => (await rpc.request<AppView>(GetApplication, { applicationId: id }, actor)).state;

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  batchId = (await openBatch(rpc, actors.department())).id;
  await registerEnterprise(rpc, enterprise);
  await registerEnterprise(rpc, other, '150102');
  draft = await createApplication(rpc, enterprise, batchId);
  draft = await completeDraft(rpc, enterprise, draft);
  submitted = await submittedApplication(rpc, enterprise, batchId);
  returned = (await submitAndReturn(env, rpc, enterprise, batchId)).app;
  othersSubmitted = await submittedApplication(rpc, other, batchId);
  // Two more past the prefecture, as the other services report them: recommended, and under
  // comprehensive review with the institution's and an expert's access to the materials.
  recommendedApp = await submittedApplication(rpc, enterprise, batchId);
  underReview = await submittedApplication(rpc, enterprise, batchId);
  for (const app of [recommendedApp, underReview]) {
    await publishEvent(env, ApplicationRecommended, {
      applicationId: app.id,
      batchId,
      applicationNo: app.applicationNo,
      prefectureId: '150204',
      enterprise: { uscc: BAOTOU_USCC, name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
      product: { kind: 'FIRST_SET_EQUIPMENT', name: app.productName, series: 'ZK', model: 'ZK-1', rdCompletedOn: '2026-03-01' },
      opinion: '同意推荐',
      recommendedBy: randomUUID(),
      recommendedAt: new Date().toISOString(),
    });
  }
  await waitUntilConsumed(env, 'PRELIMINARY_REVIEW_EVENTS', 'intake-status-recommended');
  await publishEvent(env, ReviewStarted, { applicationId: underReview.id, institutionId, startedAt: new Date().toISOString() });
  await publishEvent(env, AssignmentAccepted, { applicationId: underReview.id, expertId, institutionId, acceptedAt: new Date().toISOString() });
  for (const durable of ['intake-status-review-started', 'intake-access-institutions', 'intake-access-experts']) {
    await waitUntilConsumed(env, 'EXPERT_MANAGEMENT_EVENTS', durable);
  }
  // The decision of a revocation case, as compliance publishes it: the ban from today for three years.
  const from = today();
  ban = { banId: randomUUID(), uscc: BAOTOU_USCC, startsOn: from, endsOn: `${Number(from.slice(0, 4)) + 3}${from.slice(4)}`, reason: REASON, revocationId: randomUUID() };
  await publishEvent(env, ApplicantBanImposed, ban);
  await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-applicant-bans');
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('a ban on applying decided in a compliance case (M10.2)', () => {
  it('M10.2 the banned applicant cannot create an application, told until when; another enterprise can', async () => {
    const refused = await rpc.refusal(CreateApplication, product(batchId), enterprise);
    expect([refused.code, refused.status]).toEqual(['APPLICANT_BANNED', 403]);
    expect(refused.error.title).toContain(ban.endsOn);
    expect((await rpc.request<AppView>(CreateApplication, product(batchId), other)).state).toBe('DRAFT');
  });

  it('M10.2 the banned applicant cannot submit its draft nor resubmit its stopped application, and nothing changes', async () => {
    const notSubmitted = await rpc.refusal(SubmitApplication, { applicationId: draft.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([notSubmitted.code, notSubmitted.status]).toEqual(['APPLICANT_BANNED', 403]);
    expect(await stateOf(draft.id)).toBe('DRAFT');
    // The returned one was stopped when the ban arrived: there is nothing left to resubmit.
    const notResubmitted = await rpc.refusal(ResubmitApplication, { applicationId: returned.id, pledgeVersion: CURRENT_PLEDGE_VERSION }, enterprise);
    expect([notResubmitted.code, notResubmitted.status]).toEqual(['ILLEGAL_TRANSITION', 409]);
    expect(await stateOf(returned.id)).toBe('WITHDRAWN');
  });

  it('M10.2 its applications in progress stop: the submitted and returned ones are withdrawn by the system, with their event; another enterprise’s go on', async () => {
    expect(await stateOf(submitted.id)).toBe('WITHDRAWN');
    expect(await stateOf(returned.id)).toBe('WITHDRAWN');
    expect(await stateOf(othersSubmitted.id, other)).toBe('SUBMITTED');
    const history = await sql<{ application_id: string; actor_role: string; reason: string }>(
      env,
      `SELECT application_id, actor_role, reason FROM ${S()}.application_history WHERE to_state = 'WITHDRAWN' ORDER BY application_id`,
    );
    expect(history.map((h) => h.application_id).sort()).toEqual([submitted.id, returned.id, recommendedApp.id, underReview.id].sort());
    expect(history.every((h) => h.actor_role === 'system' && h.reason.includes(REASON))).toBe(true);
    const withdrawn = await sql<{ payload: { applicationId: string; reason: string } }>(env, `SELECT payload FROM ${S()}.outbox_events WHERE subject = 'intake.application.withdrawn.v1'`);
    expect(withdrawn.map((e) => e.payload.applicationId).sort()).toEqual([submitted.id, returned.id, recommendedApp.id, underReview.id].sort());
  });

  it('M10.2 M7.1 applications past the prefecture stop too: recommended and under comprehensive review are withdrawn with their notice and event, and the reviewers lose the materials', async () => {
    for (const app of [recommendedApp, underReview]) {
      expect(await stateOf(app.id)).toBe('WITHDRAWN');
      const [from] = await sql<{ from_state: string }>(env, `SELECT from_state FROM ${S()}.application_history WHERE application_id = $1 AND to_state = 'WITHDRAWN'`, [app.id]);
      expect(from.from_state).toBe(app === recommendedApp ? 'RECOMMENDED' : 'UNDER_COMPREHENSIVE_REVIEW');
      const [event] = await sql<{ payload: { reason: string; withdrawnAt: string } }>(
        env, `SELECT payload FROM ${S()}.outbox_events WHERE subject = 'intake.application.withdrawn.v1' AND payload->>'applicationId' = $1`, [app.id],
      );
      expect(event.payload.reason).toContain(REASON);
      const notices = (await inbox()).filter((n) => n.applicationId === app.id && n.kind === 'stopped_by_sanction');
      expect(notices).toHaveLength(1);
      expect(notices[0].body).toContain(app.applicationNo);
    }
    const access = await sql<{ grantee_kind: string; revoked_at: Date | null }>(env, `SELECT grantee_kind, revoked_at FROM ${S()}.reviewer_access WHERE application_id = $1 ORDER BY grantee_kind`, [underReview.id]);
    expect(access.map((a) => a.grantee_kind)).toEqual(['expert', 'institution']);
    expect(access.every((a) => a.revoked_at !== null)).toBe(true);
  });

  it('M10.2 each stopped application gets one notice with the measure, its reason, its period and its end date; none to another enterprise', async () => {
    const notices = (await inbox()).filter((n) => n.kind === 'stopped_by_sanction');
    expect(notices.map((n) => n.applicationId).sort()).toEqual([draft.id, submitted.id, returned.id, recommendedApp.id, underReview.id].sort());
    for (const n of notices) {
      expect(n.title.zh).toContain('禁止申报');
      expect(n.body).toContain(`“${SANCTION_MEASURE_LABELS.applicant_ban.zh}”`); // the measure
      expect(n.body).toContain(`"${SANCTION_MEASURE_LABELS.applicant_ban.en}"`);
      expect(n.body).toContain(REASON); // its reason
      expect(n.body).toContain(`自 ${ban.startsOn} 起至 ${ban.endsOn} 止`); // its period and end date
      expect(n.body).toContain(`from ${ban.startsOn} to ${ban.endsOn} inclusive`);
    }
    expect((await inbox(other)).filter((n) => n.kind === 'stopped_by_sanction')).toEqual([]);
  });

  it('M10.2 the same ban delivered again stops nothing more and sends no second notice', async () => {
    const before = (await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM ${S()}.notifications WHERE kind = 'stopped_by_sanction'`))[0].n;
    await publishEvent(env, ApplicantBanImposed, ban);
    await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-applicant-bans');
    expect((await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM ${S()}.notifications WHERE kind = 'stopped_by_sanction'`))[0].n).toBe(before);
    expect(await stateOf(draft.id)).toBe('DRAFT');
  });

  it('M10.2 a ban that ended before today stops nothing', async () => {
    await publishEvent(env, ApplicantBanImposed, { ...ban, banId: randomUUID(), uscc: OTHER_USCC, startsOn: '2020-01-01', endsOn: '2023-01-01' });
    await waitUntilConsumed(env, 'COMPLIANCE_EVENTS', 'intake-applicant-bans');
    expect(await stateOf(othersSubmitted.id, other)).toBe('SUBMITTED');
    expect((await inbox(other)).filter((n) => n.kind === 'stopped_by_sanction')).toEqual([]);
    expect((await rpc.request<AppView>(CreateApplication, product(batchId), other)).state).toBe('DRAFT');
  });
});
