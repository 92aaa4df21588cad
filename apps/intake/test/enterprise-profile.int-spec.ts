import { GetEnterpriseProfile, RegisterEnterprise, UpdateEnterpriseProfile, UpdateEnterpriseProfileV1 } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { intakeModule } from '../src/intake.module';
import { BAOTOU_USCC, OTHER_USCC, registerEnterprise } from './helpers';

const env = newTestEnv();
let intake: RunningService;
let rpc: RpcCaller;
const enterprise = actors.enterprise(BAOTOU_USCC);

interface Profile { profileRevision: number; prefectureId: string; profile: Record<string, unknown> }
const update = (p: Record<string, unknown>, actor = enterprise) => rpc.request<Profile>(UpdateEnterpriseProfile, p as unknown as UpdateEnterpriseProfileV1, actor);
const refused = (p: Record<string, unknown>, actor = enterprise) => rpc.refusal(UpdateEnterpriseProfile, p as unknown as UpdateEnterpriseProfileV1, actor);

beforeAll(async () => {
  intake = await startServiceInProcess(env, 'intake', intakeModule);
  rpc = await RpcCaller.connect(env);
  await registerEnterprise(rpc, enterprise);
});

afterAll(async () => {
  await rpc?.close();
  await intake?.close();
  await cleanupTestEnv(env);
});

describe('enterprise profile (M5.2, M5.3)', () => {
  it('keeps the legal representative, contacts, R&D team, IP and trademarks, with personal data out of the audit log', async () => {
    const saved = await update({
      expectedRevision: 0,
      legalRepresentative: { name: '王建国', phone: '0472-5123456' },
      contacts: [{ name: '李娜', title: '科技部部长', phone: '13800000000', email: 'lina@example.cn' }],
      rdTeam: { headcount: 86, leadName: '张伟', members: [{ name: '赵敏', title: '高级工程师', field: '电驱动' }] },
      ipRights: [{ kind: 'invention_patent', number: 'ZL202410000001.X', title: '一种矿用车电驱系统' }],
      trademarks: [{ registrationNo: '12345678', mark: '北重', niceClasses: [7, 12] }],
    });
    expect(saved.profileRevision).toBe(1);
    const read = await rpc.request<Profile>(GetEnterpriseProfile, {}, enterprise);
    expect(read).toMatchObject({ prefectureId: '150200', profile: { rdTeam: { headcount: 86 }, trademarks: [{ mark: '北重' }] } });
    const audit = await sql<{ detail: unknown }>(env, `SELECT detail FROM "${schemaOf(env, 'intake')}".audit_records WHERE action = 'enterprise.update-profile'`);
    expect(JSON.stringify(audit)).not.toMatch(/13800000000|王建国/);
    const again = await update({ expectedRevision: 1, contacts: null });
    expect(again.profile).not.toHaveProperty('contacts');
    expect(again.profile).toHaveProperty('legalRepresentative');
  });

  it('refuses a stale save, bad phone, e-mail or trademark classes, unknown fields, and an unregistered enterprise; nothing changes', async () => {
    const { profileRevision } = await rpc.request<Profile>(GetEnterpriseProfile, {}, enterprise);
    expect((await refused({ expectedRevision: profileRevision - 1, rdTeam: { headcount: 1 } })).code).toBe('STALE_REVISION');
    expect((await refused({ expectedRevision: profileRevision, contacts: [{ name: 'x', phone: 'call me' }] })).code).toBe('VALIDATION_FAILED');
    expect((await refused({ expectedRevision: profileRevision, contacts: [{ name: 'x', phone: '123456', email: 'not-mail' }] })).code).toBe('VALIDATION_FAILED');
    expect((await refused({ expectedRevision: profileRevision, trademarks: [{ registrationNo: '1', mark: 'x', niceClasses: [46] }] })).code).toBe('VALIDATION_FAILED');
    expect((await refused({ expectedRevision: profileRevision, uscc: OTHER_USCC })).code).toBe('VALIDATION_FAILED');
    expect((await refused({ expectedRevision: 0 }, actors.enterprise(OTHER_USCC))).code).toBe('ENTERPRISE_NOT_REGISTERED');
    expect((await rpc.request<Profile>(GetEnterpriseProfile, {}, enterprise)).profileRevision).toBe(profileRevision);
  });

  it('M5.1 re-registration keeps the profile and the address rules still decide the prefecture', async () => {
    await rpc.request(RegisterEnterprise, { name: '包头北方重型装备有限公司', registeredAddress: '包头市昆都仑区', addressDivisionCode: '150203' }, enterprise);
    const read = await rpc.request<Profile>(GetEnterpriseProfile, {}, enterprise);
    expect(read.profile).toHaveProperty('trademarks');
    const out = await rpc.refusal(RegisterEnterprise, { name: 'x', registeredAddress: '北京市', addressDivisionCode: '110105' }, enterprise);
    expect(out.code).toBe('NOT_REGISTERED_IN_REGION');
  });
});
