import { randomUUID } from 'node:crypto';
import { DecideComplianceCase, NotifyComplianceParty, OpenComplianceCase, RecognitionIssued, RecognitionIssuedV1, StateComplianceCase, type ComplianceCaseViewV1 } from '@firstset/contracts';
import { INNER_MONGOLIA_DRAFT_PROFILE as IM, LocalDate, PolicyProfile } from '@firstset/domain';
import { actors, cleanupTestEnv, eventually, newTestEnv, publishEvent, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { complianceModule } from '../src/compliance.module';
import { decidedSanction } from './decided-case';
import { KNOWN_INSTITUTION, startExpertManagement } from './expert-management';

/** Registered only in this test: a 2-year applicant ban, and a later version with a 5-year institution ban. */
const PILOT: PolicyProfile = Object.freeze({ ...IM, id: 'example-pilot', version: '2026', applicantBanYears: 2 });
const IM_NEXT: PolicyProfile = Object.freeze({ ...IM, version: '2026-11', effectiveFrom: '2026-11-01' as LocalDate, institutionBanYears: 5 });

const env = newTestEnv();
let svc: RunningService;
let expertManagement: RunningService;
let rpc: RpcCaller;
const department = actors.department();
const USCC = '91150200MA0N4KXX4C';
const enterprise = actors.enterprise(USCC);
const S = () => `"${schemaOf(env, 'compliance')}"`;
const q = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => sql<T>(env, text, values);

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'compliance', (config) => complianceModule({ ...config, policyProfiles: [IM, IM_NEXT, PILOT] }));
  expertManagement = await startExpertManagement(env);
  rpc = await RpcCaller.connect(env);
  await rpc.setClock(new Date('2026-11-28T04:00:00Z'));
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await expertManagement?.close();
  await cleanupTestEnv(env);
});

async function recognition(policyProfile?: { id: string; version: string }): Promise<string> {
  const event: RecognitionIssuedV1 = {
    applicationId: randomUUID(),
    batchId: randomUUID(),
    applicationNo: '2026-150200-00001',
    prefectureId: '150200',
    enterprise: { uscc: USCC, name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
    product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: 'ZK-1', rdCompletedOn: '2026-03-01' },
    ...(policyProfile ? { policyProfile } : {}),
    recognitionId: randomUUID(),
    documentNo: '内工信装备认字〔2026〕1号',
    documentDate: '2026-10-15',
    validFrom: '2026-10-15',
    validUntil: '2029-10-15',
    issuedAt: new Date().toISOString(),
  };
  await publishEvent(env, RecognitionIssued, event);
  await eventually(async () => (await q(`SELECT 1 FROM ${S()}.recognitions WHERE id = $1`, [event.recognitionId])).length === 1);
  return event.recognitionId;
}

/** The applicant ban a revocation decided in a case on 2026-11-28 imposes (ADR 0026). */
const revoke = async (recognitionId: string) => {
  const c = await decidedSanction(rpc, { intendedMeasure: 'recognition_revocation', subjectId: recognitionId, party: enterprise, reasons: '以虚假检测报告骗取认定', today: '2026-11-28' });
  const [ban] = await q<{ ends_on: string }>(`SELECT ends_on FROM ${S()}.applicant_bans WHERE id = $1`, [c.sanctionIds[1]]);
  return ban.ends_on;
};

describe('sanctions judged by the profile (M15)', () => {
  it('M15 M10.2 the same revocation bans for 3 years under the draft and 2 under the pilot', async () => {
    expect(await revoke(await recognition())).toBe('2029-11-28');
    expect(await revoke(await recognition({ id: PILOT.id, version: PILOT.version }))).toBe('2028-11-28');
  });

  it('M15 M10.3 an institution ban takes the years of the version in force on the decision date', async () => {
    // A decision is taken on the day (never before its notice): the clock moves to each day.
    const ban = async (today: string) => {
      await rpc.setClock(new Date(`${today}T04:00:00Z`));
      const c = await decidedSanction(rpc, {
        intendedMeasure: 'institution_ban', subjectId: KNOWN_INSTITUTION.id, subjectUscc: KNOWN_INSTITUTION.uscc,
        party: actors.institution(KNOWN_INSTITUTION.id), reasons: '评审结论严重失实', today,
      });
      const [row] = await q<{ until_date: string }>(`SELECT until_date FROM ${S()}.sanctions WHERE id = $1`, [c.sanctionIds[0]]);
      return row.until_date;
    };
    try {
      expect(await ban('2026-10-30')).toBe('2029-10-30');
      expect(await ban('2026-11-02')).toBe('2031-11-02');
    } finally {
      await rpc.setClock(new Date('2026-11-28T04:00:00Z'));
    }
  });

  it('M15 refuses a revocation under a profile no longer registered, and changes nothing', async () => {
    const id = await recognition({ id: 'elsewhere', version: '1' });
    let c = await rpc.request<ComplianceCaseViewV1>(OpenComplianceCase, { intendedMeasure: 'recognition_revocation', subjectId: id, facts: '检测报告系伪造' }, department);
    c = await rpc.request<ComplianceCaseViewV1>(NotifyComplianceParty, { caseId: c.id, expectedVersion: c.version, statementDeadline: '2026-12-08' }, department);
    c = await rpc.request<ComplianceCaseViewV1>(StateComplianceCase, { caseId: c.id, waived: true }, enterprise);
    const err = await rpc.refusal(DecideComplianceCase, { caseId: c.id, expectedVersion: c.version, outcome: 'sanction', reasons: '以虚假检测报告骗取认定' }, department);
    expect([err.code, err.status]).toEqual(['POLICY_PROFILE_UNKNOWN', 422]);
    expect(await q(`SELECT state FROM ${S()}.recognitions WHERE id = $1`, [id])).toEqual([{ state: 'RECOGNIZED' }]);
    expect(await q(`SELECT 1 FROM ${S()}.revocations WHERE recognition_id = $1`, [id])).toHaveLength(0);
  });
});
