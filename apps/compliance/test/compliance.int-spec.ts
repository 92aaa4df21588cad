import { randomUUID } from 'node:crypto';
import {
  DisqualifyExpert,
  ExpireDueRecognitions,
  ImposeInstitutionBan,
  ListApplicantBans,
  ListExpertDisqualifications,
  ListInstitutionBans,
  ListRecognitions,
  RecognitionIssued,
  RecognitionIssuedV1,
  RevokeRecognition,
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
import { connect, headers as natsHeaders } from '@nats-io/transport-node';
import { ACTOR_TOKEN_HEADER, ActorSigner, bodyHash, generateActorKeys } from '@firstset/messaging';
import { complianceModule } from '../src/compliance.module';
import { KNOWN_EXPERT, KNOWN_INSTITUTION, startExpertManagement } from './expert-management';

const env = newTestEnv();
let svc: RunningService;
let expertManagement: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const USCC = '91150200MA0N4KXX4C';
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

const revoke = (recognitionId: string, extra: Partial<{ reason: string; decisionDate: string }> = {}) => ({
  recognitionId,
  grounds: 'IMPROPER_MEANS' as const,
  reason: '以虚假检测报告骗取认定',
  ...extra,
});

const outboxFor = (revocationId: string) =>
  q<{ subject: string; payload: Record<string, unknown> }>(
    `SELECT subject, payload FROM ${S()}.outbox_events WHERE payload->>'revocationId' = $1 ORDER BY occurred_at`,
    [revocationId],
  );

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

  it('M10.2 revoking imposes a 3-year applicant ban, decision 2026-11-28 to 2029-11-28 inclusive, with both events once', async () => {
    const id = await recognition();
    const r = await rpc.request<{ revocationId: string; applicantBan: { startsOn: string; endsOn: string } }>(
      RevokeRecognition,
      revoke(id, { decisionDate: '2026-11-28' }),
      department,
    );
    expect(r.applicantBan).toMatchObject({ uscc: USCC, startsOn: '2026-11-28', endsOn: '2029-11-28' });
    const events = await outboxFor(r.revocationId);
    expect(events.map((e) => e.subject)).toEqual(['compliance.recognition.revoked.v1', 'compliance.applicant-ban.imposed.v1']);
    expect(events[0].payload).toMatchObject({ recognitionId: id, uscc: USCC, decisionDate: '2026-11-28', grounds: 'IMPROPER_MEANS' });
    expect(events[1].payload).toMatchObject({ uscc: USCC, startsOn: '2026-11-28', endsOn: '2029-11-28' });
    const bans = await rpc.request<Array<{ revocationId: string; endsOn: string }>>(ListApplicantBans, {}, actors.auditor());
    expect(bans.filter((b) => b.revocationId === r.revocationId)).toEqual([expect.objectContaining({ endsOn: '2029-11-28' })]);
    const list = await rpc.request<Array<{ recognitionId: string; state: string }>>(ListRecognitions, {}, department);
    expect(list.find((x) => x.recognitionId === id)).toMatchObject({ state: 'REVOKED', status: 'revoked' });
  });

  it('M10.2 revoking twice is a conflict and adds nothing', async () => {
    const id = await recognition();
    await rpc.request(RevokeRecognition, revoke(id), department);
    const again = await rpc.refusal(RevokeRecognition, revoke(id), department);
    expect([again.code, again.status]).toEqual(['ILLEGAL_TRANSITION', 409]);
    expect(await q(`SELECT 1 FROM ${S()}.applicant_bans b JOIN ${S()}.revocations r ON r.id = b.revocation_id WHERE r.recognition_id = $1`, [id])).toHaveLength(1);
  });

  it('decisionDate defaults to today in China time (from the service clock)', async () => {
    const id = await recognition();
    const r = await rpc.request<{ decisionDate: string }>(RevokeRecognition, revoke(id), department);
    expect(r.decisionDate).toBe('2026-11-28');
  });

  it('refuses a revocation without a reason, with a future date or before the recognition, and changes nothing', async () => {
    const id = await recognition();
    const empty = await rpc.refusal(RevokeRecognition, revoke(id, { reason: '' }), department);
    expect([empty.code, empty.status]).toEqual(['VALIDATION_FAILED', 400]);
    const blank = await rpc.refusal(RevokeRecognition, revoke(id, { reason: '   ' }), department);
    expect([blank.code, blank.status]).toEqual(['TRANSITION_REASON_REQUIRED', 422]);
    const future = await rpc.refusal(RevokeRecognition, revoke(id, { decisionDate: '2026-11-29' }), department);
    expect([future.code, future.status]).toEqual(['DECISION_DATE_IN_FUTURE', 422]);
    const early = await rpc.refusal(RevokeRecognition, revoke(id, { decisionDate: '2026-10-14' }), department);
    expect([early.code, early.status]).toEqual(['DECISION_DATE_BEFORE_RECOGNITION', 422]);
    const impossible = await rpc.refusal(RevokeRecognition, revoke(id, { decisionDate: '2026-02-30' }), department);
    expect([impossible.code, impossible.error.errors?.[0]]).toEqual(['VALIDATION_FAILED', expect.objectContaining({ field: 'decisionDate', rule: 'isLocalDate' })]);
    const unknown = await rpc.refusal(RevokeRecognition, revoke(randomUUID()), department);
    expect([unknown.code, unknown.status]).toEqual(['RECOGNITION_NOT_FOUND', 404]);
    await unchanged(id);
  });

  it('only department officers may revoke', async () => {
    const id = await recognition();
    for (const actor of [actors.auditor(), actors.enterprise(USCC), actors.prefecture('150200'), actors.institution('i-1')]) {
      expect((await rpc.refusal(RevokeRecognition, revoke(id), actor)).code).toBe('FORBIDDEN_ROLE');
    }
    expect((await rpc.refusal(RevokeRecognition, revoke(id))).status).toBe(401);
    expect((await rpc.refusal(ListApplicantBans, {}, actors.enterprise(USCC))).status).toBe(403);
    await unchanged(id);
  });

  it('M10.3 bars an institution for 3 years and M11.2 disqualifies an expert with no term', async () => {
    const ban = await rpc.request(ImposeInstitutionBan, { institutionId: 'inst-1', institutionUscc: '91150100MA0P7RYY69', error: '评审结论严重失实', decisionDate: '2026-11-28' }, department);
    expect(ban).toMatchObject({ startsOn: '2026-11-28', endsOn: '2029-11-28' });
    const dq = await rpc.request(DisqualifyExpert, { expertId: KNOWN_EXPERT.id, misconduct: 'leaked_technical_secrets', detail: '泄露申报产品技术参数' }, department);
    expect(dq).toMatchObject({ expertId: KNOWN_EXPERT.id, decisionDate: '2026-11-28', liftedOn: null });
    expect(await rpc.request(ListInstitutionBans, {}, actors.auditor())).toHaveLength(1);
    expect(await rpc.request(ListExpertDisqualifications, {}, actors.auditor())).toHaveLength(1);
    // Expert management learns of both through events committed with the decisions.
    const events = await q<{ subject: string }>(
      `SELECT subject FROM ${S()}.outbox_events WHERE subject IN ('compliance.institution-ban.imposed.v1', 'compliance.expert.disqualified.v1') ORDER BY subject`,
    );
    expect(events.map((e) => e.subject)).toEqual(['compliance.expert.disqualified.v1', 'compliance.institution-ban.imposed.v1']);
    expect((await rpc.refusal(DisqualifyExpert, { expertId: 'exp-2', misconduct: 'gossip' as never, detail: 'x' }, department)).code).toBe('VALIDATION_FAILED');
    expect((await rpc.refusal(ImposeInstitutionBan, { institutionId: 'i', institutionUscc: '91150100MA0P7RYY69', error: 'x' }, actors.auditor())).code).toBe('FORBIDDEN_ROLE');
  });

  it('M10.3 M11.2 a sanction on an institution or expert expert management does not know is refused with 404, nothing recorded', async () => {
    const before = await q<{ bans: string; dqs: string; events: string; audits: string }>(
      `SELECT (SELECT count(*) FROM ${S()}.institution_bans)::text AS bans, (SELECT count(*) FROM ${S()}.expert_disqualifications)::text AS dqs,
              (SELECT count(*) FROM ${S()}.outbox_events)::text AS events, (SELECT count(*) FROM ${S()}.audit_records)::text AS audits`,
    );
    const unknownInstitution = await rpc.refusal(ImposeInstitutionBan, { institutionId: randomUUID(), institutionUscc: '91150200MA0N4KXX4C', error: '评审结论严重失实' }, department);
    expect([unknownInstitution.code, unknownInstitution.status]).toEqual(['INSTITUTION_NOT_FOUND', 404]);
    // The known institution's id with another institution's USCC is not that institution either.
    const mismatched = await rpc.refusal(ImposeInstitutionBan, { institutionId: KNOWN_INSTITUTION.id, institutionUscc: '91150200MA0N4KXX4C', error: '评审结论严重失实' }, department);
    expect(mismatched.status).toBe(404);
    for (const expertId of [randomUUID(), 'exp-unknown']) {
      const unknownExpert = await rpc.refusal(DisqualifyExpert, { expertId, misconduct: 'leaked_technical_secrets', detail: '泄露申报产品技术参数' }, department);
      expect([unknownExpert.code, unknownExpert.status]).toEqual(['EXPERT_NOT_FOUND', 404]);
    }
    const after = await q(
      `SELECT (SELECT count(*) FROM ${S()}.institution_bans)::text AS bans, (SELECT count(*) FROM ${S()}.expert_disqualifications)::text AS dqs,
              (SELECT count(*) FROM ${S()}.outbox_events)::text AS events, (SELECT count(*) FROM ${S()}.audit_records)::text AS audits`,
    );
    expect(after).toEqual(before);
    // The known institution by its id and USCC is found, and banned.
    const ban = await rpc.request(ImposeInstitutionBan, { institutionId: KNOWN_INSTITUTION.id, institutionUscc: KNOWN_INSTITUTION.uscc, error: '评审结论严重失实' }, department);
    expect(ban).toMatchObject({ institutionId: KNOWN_INSTITUTION.id });
  });

  it('every command leaves an audit record, refusals included', async () => {
    const rows = await q<{ action: string; outcome: string }>(`SELECT DISTINCT action, outcome FROM ${S()}.audit_records`);
    expect(rows).toEqual(expect.arrayContaining([
      { action: 'recognition.revoke', outcome: 'succeeded' },
      { action: 'recognition.revoke', outcome: 'rejected' },
      { action: 'institution-ban.impose', outcome: 'succeeded' },
      { action: 'expert.disqualify', outcome: 'succeeded' },
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
    const banRequest = (institutionId: string) =>
      new TextEncoder().encode(
        JSON.stringify({
          pattern: ImposeInstitutionBan.subject,
          id: randomUUID(),
          data: { institutionId, institutionUscc: '91150100MA0P7RYY69', error: '伪造的处罚', decisionDate: '2026-11-28' },
        }),
      );
    const send = async (body: Uint8Array, h: Record<string, string>) => {
      const nc = await connect({ servers: env.natsUrl });
      try {
        const headers = natsHeaders();
        for (const [k, v] of Object.entries(h)) headers.set(k, v);
        const reply = await nc.request(`${env.namespace}.${ImposeInstitutionBan.subject}`, body, { timeout: 5000, headers });
        return reply.json<{ err?: { code: string; status: number } }>();
      } finally {
        await nc.close();
      }
    };
    const bansOf = async (institutionId: string) =>
      (await q<{ n: string }>(`SELECT count(*)::text AS n FROM ${S()}.institution_bans WHERE institution_id = $1`, [institutionId]))[0].n;
    const auditOf = async () => (await q<{ n: string }>(`SELECT count(*)::text AS n FROM ${S()}.audit_records`))[0].n;

    it('M10.3 refuses a ban "by the Department" in a plain actor header, or signed with a key that is not the gateway\'s', async () => {
      const audits = await auditOf();
      const plain = await send(banRequest('forged-1'), { 'x-request-id': randomUUID(), 'x-actor': JSON.stringify(department) });
      expect(plain.err).toMatchObject({ code: 'ACTOR_SIGNATURE_INVALID', status: 401 });
      const body = banRequest('forged-2');
      const token = new ActorSigner(generateActorKeys().signingKey).sign({
        aud: 'compliance',
        sub: `${env.namespace}.${ImposeInstitutionBan.subject}`,
        rid: randomUUID(),
        act: department,
        bh: bodyHash(body),
      });
      const forged = await send(body, { [ACTOR_TOKEN_HEADER]: token });
      expect(forged.err).toMatchObject({ code: 'ACTOR_SIGNATURE_INVALID', status: 401 });
      expect([await bansOf('forged-1'), await bansOf('forged-2')]).toEqual(['0', '0']);
      expect(await auditOf()).toBe(audits);
    });
  });
});
