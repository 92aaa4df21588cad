import { randomUUID } from 'node:crypto';
import {
  DecideComplianceCase,
  ExpireDueRecognitions,
  ListApplicantBans,
  ListExpertDisqualifications,
  ListInstitutionBans,
  ListRecognitions,
  NotifyComplianceParty,
  OpenComplianceCase,
  RecognitionIssued,
  RecognitionIssuedV1,
  StateComplianceCase,
  type ComplianceCaseViewV1,
} from '@firstset/contracts';
import {
  actors,
  cleanupTestEnv,
  eventually,
  newTestEnv,
  publishEvent,
  recognitionIssuedEvent,
  RpcCaller,
  RunningService,
  schemaOf,
  sql,
  startServiceInProcess,
} from '@firstset/testing';
import { connect, headers as natsHeaders, RequestError } from '@nats-io/transport-node';
import { ACTOR_TOKEN_HEADER, ActorSigner, bodyHash, generateActorKeys } from '@firstset/messaging';
import { complianceModule } from '../src/compliance.module';
import { decidedSanction } from './decided-case';
import { KNOWN_EXPERT, KNOWN_INSTITUTION, startExpertManagement } from './expert-management';

const env = newTestEnv();
let svc: RunningService;
let expertManagement: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const USCC = '91150200MA0N4KXX4C';
const enterprise = actors.enterprise(USCC);
/** The service clock's day in China (set in beforeAll). */
const TODAY = '2026-11-28';
const S = () => `"${schemaOf(env, 'compliance')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'compliance', complianceModule);
  expertManagement = await startExpertManagement(env);
  rpc = await RpcCaller.connect(env);
  // 28 November 2026, 12:00 in China: "today" for decision dates, whatever day the tests run.
  await rpc.setClock(new Date('2026-11-28T04:00:00Z'));
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await expertManagement?.close();
  await cleanupTestEnv(env);
});

const issued = (): RecognitionIssuedV1 => recognitionIssuedEvent({ enterprise: { uscc: USCC, name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' } });

/** A recognition compliance learned of from publicity's event. */
async function recognition(): Promise<string> {
  const event = issued();
  await publishEvent(env, RecognitionIssued, event);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.recognitions WHERE id = $1`, [event.recognitionId])).length === 1);
  return event.recognitionId;
}

const outboxFor = (revocationId: string) =>
  q<{ subject: string; payload: Record<string, unknown> }>(
    `SELECT subject, payload FROM ${S()}.outbox_events WHERE payload->>'revocationId' = $1 ORDER BY occurred_at`,
    [revocationId],
  );

const counts = () =>
  q(
    `SELECT (SELECT count(*) FROM ${S()}.compliance_cases)::int AS cases, (SELECT count(*) FROM ${S()}.sanctions)::int AS sanctions,
            (SELECT count(*) FROM ${S()}.outbox_events)::int AS events, (SELECT count(*) FROM ${S()}.audit_records)::int AS audits`,
  );

/** Whether any service answers a request on this subject (a removed command has no handler). */
async function answered(subject: string): Promise<boolean> {
  const nc = await connect({ servers: env.natsUrl });
  try {
    await nc.request(`${env.namespace}.${subject}`, new TextEncoder().encode(JSON.stringify({ pattern: subject, id: randomUUID(), data: {} })), { timeout: 1500 });
    return true;
  } catch (err) {
    if (err instanceof RequestError && err.isNoResponders()) return false;
    throw err;
  } finally {
    await nc.close();
  }
}

async function unchanged(recognitionId: string) {
  expect(await q(`SELECT state FROM ${S()}.recognitions WHERE id = $1`, [recognitionId])).toEqual([{ state: 'RECOGNIZED' }]);
  expect(await q(`SELECT 1 FROM ${S()}.revocations WHERE recognition_id = $1`, [recognitionId])).toHaveLength(0);
  expect(await q(`SELECT 1 FROM ${S()}.outbox_events WHERE payload->>'recognitionId' = $1`, [recognitionId])).toHaveLength(0);
}

describe('compliance', () => {
  it('keeps a recognition once although RecognitionIssued is redelivered', async () => {
    const event = issued();
    const eventId = await publishEvent(env, RecognitionIssued, event);
    await publishEvent(env, RecognitionIssued, event, { eventId, msgId: randomUUID() });
    await publishEvent(env, RecognitionIssued, event); // the same recognition under another event id
    await eventually(async () => (await q(`SELECT 1 FROM ${S()}.inbox_events`)).length >= 2);
    expect(await q(`SELECT state FROM ${S()}.recognitions WHERE id = $1`, [event.recognitionId])).toEqual([{ state: 'RECOGNIZED' }]);
    const list = await rpc.request<Array<{ recognitionId: string; status: string }>>(ListRecognitions, {}, actors.auditor());
    expect(list.filter((r) => r.recognitionId === event.recognitionId)).toEqual([
      expect.objectContaining({ status: 'valid', documentNo: event.documentNo }),
    ]);
  });

  it('M10.2 a revocation decided in a case imposes a 3-year applicant ban, 2026-11-28 to 2029-11-28 inclusive, with both gate events once', async () => {
    const id = await recognition();
    const c = await decidedSanction(rpc, { intendedMeasure: 'recognition_revocation', subjectId: id, party: enterprise, reasons: '以虚假检测报告骗取认定', today: TODAY });
    const [revocationId, banId] = c.sanctionIds;
    const events = await outboxFor(revocationId);
    expect(events.map((e) => e.subject).sort()).toEqual(['compliance.applicant-ban.imposed.v1', 'compliance.recognition.revoked.v1']);
    expect(events.find((e) => e.subject === 'compliance.recognition.revoked.v1')!.payload).toMatchObject({ recognitionId: id, uscc: USCC, decisionDate: '2026-11-28', grounds: 'IMPROPER_MEANS', reason: '以虚假检测报告骗取认定' });
    expect(events.find((e) => e.subject === 'compliance.applicant-ban.imposed.v1')!.payload).toMatchObject({ banId, uscc: USCC, startsOn: '2026-11-28', endsOn: '2029-11-28' });
    const bans = await rpc.request<Array<{ revocationId: string; endsOn: string; activeToday: boolean }>>(ListApplicantBans, {}, actors.auditor());
    expect(bans.filter((b) => b.revocationId === revocationId)).toEqual([expect.objectContaining({ endsOn: '2029-11-28', activeToday: true })]);
    const list = await rpc.request<Array<{ recognitionId: string; state: string }>>(ListRecognitions, {}, department);
    expect(list.find((x) => x.recognitionId === id)).toMatchObject({ state: 'REVOKED', status: 'revoked' });
  });

  it('M10.2 a revoked recognition cannot be revoked again: a second case is refused and adds nothing', async () => {
    const id = await recognition();
    await decidedSanction(rpc, { intendedMeasure: 'recognition_revocation', subjectId: id, party: enterprise, reasons: '以虚假检测报告骗取认定', today: TODAY });
    const again = await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'recognition_revocation', subjectId: id, facts: '再次撤销' }, department);
    expect([again.code, again.status]).toEqual(['RECOGNITION_NOT_REVOCABLE', 409]);
    expect(await q(`SELECT 1 FROM ${S()}.applicant_bans b JOIN ${S()}.revocations r ON r.id = b.revocation_id WHERE r.recognition_id = $1`, [id])).toHaveLength(1);
  });

  it('M10.2 the direct revocation, institution ban and disqualification commands are gone: nothing answers them', async () => {
    for (const subject of ['compliance.recognition.revoke.v1', 'compliance.institution-ban.impose.v1', 'compliance.expert.disqualify.v1']) {
      expect(await answered(subject)).toBe(false);
    }
  });

  it('M10.2 refuses a decision without reasons, in the future or before the notice, and changes nothing', async () => {
    const id = await recognition();
    let c = await rpc.request<ComplianceCaseViewV1>(OpenComplianceCase, { intendedMeasure: 'recognition_revocation', subjectId: id, facts: '检测报告系伪造' }, department);
    c = await rpc.request<ComplianceCaseViewV1>(NotifyComplianceParty, { caseId: c.id, expectedVersion: c.version, statementDeadline: '2026-12-08' }, department);
    c = await rpc.request<ComplianceCaseViewV1>(StateComplianceCase, { caseId: c.id, waived: true }, enterprise);
    const decide = (extra: Record<string, unknown>) => rpc.refusal(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version, outcome: 'sanction', reasons: '材料造假属实', ...extra }, department);
    const empty = await decide({ reasons: '' });
    expect([empty.code, empty.status]).toEqual(['VALIDATION_FAILED', 400]);
    const future = await decide({ decisionDate: '2026-11-29' });
    expect([future.code, future.status]).toEqual(['DECISION_DATE_IN_FUTURE', 422]);
    const early = await decide({ decisionDate: '2026-11-27' });
    expect([early.code, early.status]).toEqual(['DECISION_DATE_BEFORE_NOTICE', 422]);
    const impossible = await decide({ decisionDate: '2026-02-30' });
    expect([impossible.code, impossible.error.errors?.[0]]).toEqual(['VALIDATION_FAILED', expect.objectContaining({ field: 'decisionDate', rule: 'isLocalDate' })]);
    for (const actor of [actors.auditor(), enterprise, actors.prefecture('150200'), actors.institution('i-1')]) {
      expect((await rpc.refusal(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version, outcome: 'sanction', reasons: 'x' }, actor)).code).toBe('FORBIDDEN_ROLE');
    }
    expect((await rpc.refusal(ListApplicantBans, {}, enterprise)).status).toBe(403);
    await unchanged(id);
  });

  it('M10.3 a case bars an institution for 3 years and M11.2 disqualifies an expert with no term; the lists read the registry', async () => {
    const banCase = await decidedSanction(rpc, {
      intendedMeasure: 'institution_ban', subjectId: KNOWN_INSTITUTION.id, subjectUscc: KNOWN_INSTITUTION.uscc,
      party: actors.institution(KNOWN_INSTITUTION.id), reasons: '评审结论严重失实', today: TODAY,
    });
    const dqCase = await decidedSanction(rpc, { intendedMeasure: 'expert_disqualification', subjectId: KNOWN_EXPERT.id, party: actors.expert(KNOWN_EXPERT.id), reasons: '泄露申报产品技术参数', today: TODAY });
    const bans = await rpc.request<Array<Record<string, unknown>>>(ListInstitutionBans, {}, actors.auditor());
    expect(bans).toEqual([{ banId: banCase.sanctionIds[0], institutionId: KNOWN_INSTITUTION.id, institutionUscc: KNOWN_INSTITUTION.uscc, error: '评审结论严重失实', decisionDate: '2026-11-28', startsOn: '2026-11-28', endsOn: '2029-11-28' }]);
    const dqs = await rpc.request<Array<Record<string, unknown>>>(ListExpertDisqualifications, {}, actors.auditor());
    expect(dqs).toEqual([expect.objectContaining({ disqualificationId: dqCase.sanctionIds[0], expertId: KNOWN_EXPERT.id, detail: '泄露申报产品技术参数', decisionDate: '2026-11-28', liftedOn: null })]);
    // Expert management learns of both through the events committed with the decisions.
    const events = await q<{ subject: string; payload: Record<string, unknown> }>(
      `SELECT subject, payload FROM ${S()}.outbox_events WHERE subject IN ('compliance.institution-ban.imposed.v1', 'compliance.expert.disqualified.v1') ORDER BY subject`,
    );
    expect(events).toEqual([
      { subject: 'compliance.expert.disqualified.v1', payload: expect.objectContaining({ disqualificationId: dqCase.sanctionIds[0], expertId: KNOWN_EXPERT.id, decisionDate: '2026-11-28' }) },
      { subject: 'compliance.institution-ban.imposed.v1', payload: expect.objectContaining({ banId: banCase.sanctionIds[0], institutionId: KNOWN_INSTITUTION.id, startsOn: '2026-11-28', endsOn: '2029-11-28' }) },
    ]);
    expect((await rpc.refusal(ListInstitutionBans, {}, actors.institution(KNOWN_INSTITUTION.id))).code).toBe('FORBIDDEN_ROLE');
  });

  it('M10.3 M11.2 a case against an institution or expert expert management does not know is refused with 404, nothing recorded', async () => {
    const before = await counts();
    const unknownInstitution = await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'institution_ban', subjectId: randomUUID(), subjectUscc: '91150200MA0N4KXX4C', facts: '评审结论严重失实' }, department);
    expect([unknownInstitution.code, unknownInstitution.status]).toEqual(['INSTITUTION_NOT_FOUND', 404]);
    // The known institution's id with another institution's USCC is not that institution either.
    const mismatched = await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'institution_ban', subjectId: KNOWN_INSTITUTION.id, subjectUscc: '91150200MA0N4KXX4C', facts: '评审结论严重失实' }, department);
    expect(mismatched.status).toBe(404);
    for (const expertId of [randomUUID(), 'exp-unknown']) {
      const unknownExpert = await rpc.refusal(OpenComplianceCase, { intendedMeasure: 'expert_disqualification', subjectId: expertId, facts: '泄露申报产品技术参数' }, department);
      expect([unknownExpert.code, unknownExpert.status]).toEqual(['EXPERT_NOT_FOUND', 404]);
    }
    const after = await counts();
    expect(after).toEqual(before);
  });

  it('every command leaves an audit record, refusals included', async () => {
    const rows = await q<{ action: string; outcome: string }>(`SELECT DISTINCT action, outcome FROM ${S()}.audit_records`);
    expect(rows).toEqual(expect.arrayContaining([
      { action: 'compliance-case.open', outcome: 'succeeded' },
      { action: 'compliance-case.decide', outcome: 'succeeded' },
      { action: 'compliance-case.decide', outcome: 'rejected' },
    ]));
  });
});

describe('expiry', () => {
  const system = { userId: 'system:test', role: 'system' };

  it('M13.2 a recognition expires the day after its last valid day, once, with its event (M13.1)', async () => {
    const id = await recognition(); // valid until 2029-10-15
    await rpc.setClock(new Date('2029-10-15T15:00:00Z')); // 23:00 on 15 October 2029 in China: still valid
    const onLastDay = await rpc.request<{ expired: Array<{ recognitionId: string }> }>(ExpireDueRecognitions, {}, system);
    expect(onLastDay.expired.map((e) => e.recognitionId)).not.toContain(id);
    await rpc.setClock(new Date('2029-10-15T16:00:00Z')); // 00:00 on 16 October 2029 in China
    const nextDay = await rpc.request<{ expired: Array<{ recognitionId: string }> }>(ExpireDueRecognitions, {}, system);
    expect(nextDay.expired.map((e) => e.recognitionId)).toContain(id);
    const again = await rpc.request<{ expired: Array<{ recognitionId: string }> }>(ExpireDueRecognitions, {}, system);
    expect(again.expired.map((e) => e.recognitionId)).not.toContain(id);
    const [row] = await q<{ state: string }>(`SELECT state FROM ${S()}.recognitions WHERE id = $1`, [id]);
    expect(row.state).toBe('EXPIRED');
    const events = await q(`SELECT 1 FROM ${S()}.outbox_events WHERE subject = 'compliance.recognition.expired.v1' AND payload->>'recognitionId' = $1`, [id]);
    expect(events).toHaveLength(1);
    await rpc.setClock(new Date('2026-11-28T04:00:00Z'));
  });

  it('only the system runs the expiry', async () => {
    const err = await rpc.refusal(ExpireDueRecognitions, {}, department);
    expect([err.code, err.status]).toEqual(['FORBIDDEN_ROLE', 403]);
  });

  describe('a forged actor published straight onto the bus changes nothing (ADR 0015)', () => {
    const banRequest = (facts: string) =>
      new TextEncoder().encode(
        JSON.stringify({
          pattern: OpenComplianceCase.subject,
          id: randomUUID(),
          data: { intendedMeasure: 'institution_ban', subjectId: KNOWN_INSTITUTION.id, subjectUscc: KNOWN_INSTITUTION.uscc, facts },
        }),
      );
    const send = async (body: Uint8Array, h: Record<string, string>) => {
      const nc = await connect({ servers: env.natsUrl });
      try {
        const headers = natsHeaders();
        for (const [k, v] of Object.entries(h)) headers.set(k, v);
        const reply = await nc.request(`${env.namespace}.${OpenComplianceCase.subject}`, body, { timeout: 5000, headers });
        return reply.json<{ err?: { code: string; status: number } }>();
      } finally {
        await nc.close();
      }
    };
    const casesOf = async (facts: string) =>
      (await q<{ n: string }>(`SELECT count(*)::text AS n FROM ${S()}.compliance_cases WHERE facts = $1`, [facts]))[0].n;
    const auditOf = async () => (await q<{ n: string }>(`SELECT count(*)::text AS n FROM ${S()}.audit_records`))[0].n;

    it('M10.3 refuses a case "by the Department" in a plain actor header, or signed with a key that is not the gateway\'s', async () => {
      const audits = await auditOf();
      const plain = await send(banRequest('伪造的处罚 1'), { 'x-request-id': randomUUID(), 'x-actor': JSON.stringify(department) });
      expect(plain.err).toMatchObject({ code: 'ACTOR_SIGNATURE_INVALID', status: 401 });
      const body = banRequest('伪造的处罚 2');
      const token = new ActorSigner(generateActorKeys().signingKey).sign({
        aud: 'compliance',
        sub: `${env.namespace}.${OpenComplianceCase.subject}`,
        rid: randomUUID(),
        act: department,
        bh: bodyHash(body),
      });
      const forged = await send(body, { [ACTOR_TOKEN_HEADER]: token });
      expect(forged.err).toMatchObject({ code: 'ACTOR_SIGNATURE_INVALID', status: 401 });
      expect([await casesOf('伪造的处罚 1'), await casesOf('伪造的处罚 2')]).toEqual(['0', '0']);
      expect(await auditOf()).toBe(audits);
    });
  });
});
