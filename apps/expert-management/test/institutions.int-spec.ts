import { randomUUID } from 'node:crypto';
import {
  CommissionInstitution,
  GetInstitution,
  ListInstitutions,
  LookupExpert,
  LookupInstitution,
  RegisterInstitution,
  UpdateInstitution,
} from '@firstset/contracts';
import { computeUsccCheckCharacter } from '@firstset/domain';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { connect, headers as natsHeaders } from '@nats-io/transport-node';
import { expertManagementModule } from '../src/expert-management.module';

// The Department's records of third-party institutions (M8.1): registered with a checked USCC,
// edited from the version read, read by the Department and auditors only; and the lookups
// compliance makes before a sanction (M10.3, M11.2; ADR 0019).
const env = newTestEnv();
let service: RunningService;
let rpc: RpcCaller;
const s = () => schemaOf(env, 'expert-management');
const department = actors.department();
const valid = (first17: string) => first17 + computeUsccCheckCharacter(first17);
const USCC_A = valid('12150000MB0A1234X');
const USCC_B = valid('91150100MA0P7RYY6');
const SEEDED = { id: randomUUID(), name: '内蒙古自治区工业技术评价中心', uscc: '12150000MB1234562H' };

const form = (over: Record<string, unknown> = {}) => ({
  name: '内蒙古装备质量评价研究院',
  uscc: USCC_A,
  qualification: 'CMA 检验检测机构资质认定，装备制造领域',
  qualificationNo: '230512345678',
  contactName: '刘洋',
  contactPhone: '0471-6900000',
  contactEmail: 'liuyang@example.cn',
  address: '呼和浩特市赛罕区',
  ...over,
});
const countInstitutions = async () => Number((await sql<{ n: string }>(env, `SELECT count(*)::text AS n FROM "${s()}".institutions`))[0].n);

beforeAll(async () => {
  service = await startServiceInProcess(env, 'expert-management', expertManagementModule);
  rpc = await RpcCaller.connect(env);
  // The demo seed's own insert (scripts/seed-demo.mjs): only id, name and USCC.
  await sql(env, `INSERT INTO "${s()}".institutions (id, name, uscc) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [SEEDED.id, SEEDED.name, SEEDED.uscc]);
});

afterAll(async () => {
  await rpc?.close();
  await service?.close();
  await cleanupTestEnv(env);
});

type Detail = { id: string; uscc: string; version: number; name: string; contactEmail: string | null; commissions: Array<{ id: string; state: string }> };

describe('institutions as the Department\'s records (M8.1)', () => {
  let registered: Detail;

  it('M8.1 the Department registers an institution with a checked USCC (normalized), with its qualification and contacts', async () => {
    registered = await rpc.request<Detail>(RegisterInstitution, form({ uscc: ` ${USCC_A.toLowerCase()} ` }), department);
    expect(registered).toMatchObject({ uscc: USCC_A, version: 1, name: '内蒙古装备质量评价研究院', contactEmail: 'liuyang@example.cn', commissions: [] });
    const [audit] = await sql<{ action: string; outcome: string }>(env, `SELECT action, outcome FROM "${s()}".audit_records WHERE object_id = $1`, [registered.id]);
    expect(audit).toEqual({ action: 'institution.register', outcome: 'succeeded' });
  });

  it('M8.1 a malformed USCC (length, letters the code never uses) or a duplicate is refused and nothing is recorded', async () => {
    const before = await countInstitutions();
    // The domain's check: I, O, S, V, Z are never used. (A wrong 18th character is only a warning there, as for enterprises.)
    const bad = await rpc.refusal(RegisterInstitution, form({ uscc: `${USCC_B.slice(0, 10)}O${USCC_B.slice(11)}` }), department);
    expect([bad.code, bad.status]).toEqual(['USCC_INVALID', 422]);
    expect((await rpc.refusal(RegisterInstitution, form({ uscc: 'ABC' }), department)).code).toBe('USCC_INVALID');
    const dup = await rpc.refusal(RegisterInstitution, form({ name: '另一家', uscc: USCC_A }), department);
    expect([dup.code, dup.status]).toEqual(['USCC_TAKEN', 409]);
    const seededDup = await rpc.refusal(RegisterInstitution, form({ uscc: SEEDED.uscc }), department);
    expect(seededDup.status).toBe(409);
    const missing = await rpc.refusal(RegisterInstitution, form({ qualification: '' }), department);
    expect([missing.code, missing.status]).toEqual(['VALIDATION_FAILED', 400]);
    expect((await rpc.refusal(RegisterInstitution, form({ contactEmail: 'not-an-email' }), department)).status).toBe(400);
    expect(await countInstitutions()).toBe(before);
  });

  it('M8.1 an edit goes from the version read: a stale version or another institution\'s USCC is 409, nothing changed', async () => {
    const edited = await rpc.request<Detail>(UpdateInstitution, { ...form({ contactName: '王芳', uscc: USCC_A }), id: registered.id, version: 1 }, department);
    expect(edited.version).toBe(2);
    const stale = await rpc.refusal(UpdateInstitution, { ...form({ name: '覆盖' }), id: registered.id, version: 1 }, department);
    expect([stale.code, stale.status]).toEqual(['STALE_VERSION', 409]);
    const taken = await rpc.refusal(UpdateInstitution, { ...form({ uscc: SEEDED.uscc }), id: registered.id, version: 2 }, department);
    expect([taken.code, taken.status]).toEqual(['USCC_TAKEN', 409]);
    expect((await rpc.refusal(UpdateInstitution, { ...form(), id: randomUUID(), version: 1 }, department)).status).toBe(404);
    const now = await rpc.request<Detail & { contactName: string }>(GetInstitution, { id: registered.id }, department);
    expect(now).toMatchObject({ name: '内蒙古装备质量评价研究院', contactName: '王芳', version: 2, uscc: USCC_A });
  });

  it('M8.1 the Department and auditors list, search and read institutions with their commissions; the seeded one works as before', async () => {
    const batchId = randomUUID();
    await rpc.request(CommissionInstitution, { batchId, institutionId: SEEDED.id, productKinds: ['FIRST_BATCH_MATERIAL'] }, department);
    const page = await rpc.request<{ items: Array<{ id: string; openCommissions: number; banned: boolean }>; total: number }>(ListInstitutions, { search: '评价中心' }, actors.auditor());
    expect(page.items).toEqual([expect.objectContaining({ id: SEEDED.id, openCommissions: 1, banned: false })]);
    expect((await rpc.request<{ total: number }>(ListInstitutions, { search: USCC_A }, department)).total).toBe(1);
    const detail = await rpc.request<Detail>(GetInstitution, { id: SEEDED.id }, actors.auditor());
    expect(detail.commissions).toEqual([expect.objectContaining({ batchId, state: 'open', productKinds: ['FIRST_BATCH_MATERIAL'], fieldCodes: [], casesHeld: 0 })]);
  });

  it('M8.1 no other role registers, edits or reads institutions', async () => {
    const others = [actors.institution(SEEDED.id), actors.expert(randomUUID()), actors.enterprise(USCC_B), actors.prefecture('150200')];
    for (const actor of others) {
      expect((await rpc.refusal(RegisterInstitution, form({ uscc: USCC_B }), actor)).status).toBe(403);
      expect((await rpc.refusal(UpdateInstitution, { ...form(), id: registered.id, version: 2 }, actor)).status).toBe(403);
      expect((await rpc.refusal(GetInstitution, { id: SEEDED.id }, actor)).status).toBe(403);
      expect((await rpc.refusal(ListInstitutions, {}, actor)).status).toBe(403);
    }
    expect((await rpc.refusal(RegisterInstitution, form({ uscc: USCC_B }), actors.auditor())).status).toBe(403);
    expect(await sql(env, `SELECT 1 FROM "${s()}".institutions WHERE uscc = $1`, [USCC_B])).toEqual([]);
  });
});

describe('lookups for compliance before a sanction (M10.3, M11.2; ADR 0019)', () => {
  const ask = async (subject: string, data: unknown) => {
    const nc = await connect({ servers: env.natsUrl });
    try {
      const h = natsHeaders();
      h.set('x-request-id', randomUUID());
      const reply = await nc.request(`${env.namespace}.${subject}`, new TextEncoder().encode(JSON.stringify({ pattern: subject, id: 'q-1', data })), { timeout: 5000, headers: h });
      return reply.json<{ response?: unknown; err?: { code: string; status: number } }>();
    } finally {
      await nc.close();
    }
  };

  it('M10.3 M11.2 answers whether an institution (by id and USCC, or USCC) or an expert is known, without an actor', async () => {
    const expertId = randomUUID();
    await sql(env, `INSERT INTO "${s()}".experts (id, name, institution_id, field) VALUES ($1, '王明', $2, '电力装备')`, [expertId, SEEDED.id]);
    expect((await ask(LookupInstitution.subject, { institutionId: SEEDED.id, uscc: SEEDED.uscc })).response).toEqual({ known: true, id: SEEDED.id, name: SEEDED.name });
    expect((await ask(LookupInstitution.subject, { institutionId: 'by-credit-code', uscc: SEEDED.uscc })).response).toMatchObject({ known: true });
    expect((await ask(LookupInstitution.subject, { institutionId: SEEDED.id, uscc: USCC_A })).response).toEqual({ known: false, id: null, name: null });
    expect((await ask(LookupExpert.subject, { expertId })).response).toMatchObject({ known: true, id: expertId });
    expect((await ask(LookupExpert.subject, { expertId: 'exp-1' })).response).toMatchObject({ known: false });
    expect((await ask(LookupExpert.subject, { expertId: '' })).err).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });

  it('ADR 0015 a command sent the same unsigned way is still refused, and changes nothing', async () => {
    const before = await countInstitutions();
    const reply = await ask(RegisterInstitution.subject, form({ uscc: USCC_B }));
    expect(reply.err).toMatchObject({ code: 'ACTOR_SIGNATURE_INVALID', status: 401 });
    expect(await countInstitutions()).toBe(before);
  });
});
