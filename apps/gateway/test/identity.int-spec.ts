import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ApplicationSubmitted } from '@firstset/contracts';
import { cleanupTestEnv, newTestEnv, publishEvent, REPO_ROOT, RunningService, schemaOf, sql, startServiceInProcess, waitUntilConsumed } from '@firstset/testing';
import { preliminaryReviewModule } from '@firstset/preliminary-review/module';
import { seedAccounts } from '../src/accounts/seed-accounts';
import { base32Decode, totp } from '../src/auth/totp';
import { verifyAuditChain } from '@firstset/service-kit';
import { http, RunningGateway, startGateway } from './gateway-harness';

// Issue 14 item 3 (identity) and issue 13 item 9 (several officers per prefecture), against the
// running gateway and preliminary review: password policy, forced change, lockout that tells
// nothing, TOTP (等保 2.0 level 3: two factors for administrators), officer accounts.
const env = newTestEnv();
const PASSWORD = 'Test#Pass-2026';
const ENT = '91150200MA0N4KXX4C';
let gw: RunningGateway;
let review: RunningService;

const login = (username: string, password = PASSWORD, totpCode?: string) =>
  http(gw.baseUrl, 'POST', '/auth/login', { body: { username, password, ...(totpCode ? { totpCode } : {}) } });
const audited = async (action: string, outcome = 'succeeded') =>
  (await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schemaOf(env, 'gateway')}".audit_records WHERE action = $1 AND outcome = $2`, [action, outcome]))[0].n;
const code = (secret: string, atMs = Date.now()) => totp(base32Decode(secret), atMs);
/** A code for the next time step: a code of the current step may have been used already. */
const nextCode = (secret: string) => code(secret, Date.now() + 30_000);

/** Enrols a second factor with the given (restricted or full) token; returns the secret and the new session. */
async function enrol(token: string) {
  const started = await http(gw.baseUrl, 'POST', '/auth/totp/enrol', { token });
  expect(started.status).toBe(200);
  const confirmed = await http(gw.baseUrl, 'POST', '/auth/totp/confirm', { token, body: { code: code(started.body.secret) } });
  expect(confirmed.status).toBe(200);
  return { secret: started.body.secret as string, session: confirmed.body };
}

beforeAll(async () => {
  review = await startServiceInProcess(env, 'preliminary-review', preliminaryReviewModule);
  gw = await startGateway(
    env,
    [
      { username: 'dept', displayName: '工信厅', role: 'department_officer', password: PASSWORD },
      { username: 'dept.two', displayName: '工信厅 装备处', role: 'department_officer', password: PASSWORD },
      { username: 'audit', displayName: '审计员', role: 'auditor', password: PASSWORD },
      { username: 'boss', displayName: '管理员', role: 'enterprise', enterpriseUscc: ENT, enterpriseAdmin: true, password: PASSWORD },
      { username: 'victim', displayName: '经办人', role: 'enterprise', enterpriseUscc: ENT, password: PASSWORD },
      { username: 'baotou', displayName: '包头 初审员', role: 'prefecture_officer', prefectureId: '150200', password: PASSWORD },
      { username: 'hohhot', displayName: '呼和浩特 初审员', role: 'prefecture_officer', prefectureId: '150100', password: PASSWORD },
    ],
    { REQUIRE_TOTP_FOR: 'department,auditor', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
  );
});

afterAll(async () => {
  await gw?.close();
  await review?.close();
  await cleanupTestEnv(env);
});

describe('password policy', () => {
  it('refuses common passwords, short or one-kind ones and ones holding the username, naming the field; creates nothing', async () => {
    const boss = (await login('boss')).body.accessToken;
    for (const password of ['password123', 'Password123', 'P@ssw0rd', 'Short1!', 'lowercaseonly', 'New.staff#2026']) {
      const res = await http(gw.baseUrl, 'POST', '/enterprise/users', { token: boss, body: { username: 'new.staff', displayName: '新', password } });
      expect([password, res.status, res.body.code, res.body.errors?.[0]?.field]).toEqual([password, 400, 'VALIDATION_FAILED', 'password']);
    }
    expect(await audited('enterprise.user.create')).toBe(0);
  });

  it('seeds obey it too: a weak seed password stops the seed', async () => {
    await expect(seedAccounts({} as never, [{ username: 'weak', displayName: 'x', role: 'auditor', password: 'password123' }])).rejects.toThrow(/common password/);
  });
});

describe('forced password change and the change-password route', () => {
  it('an account created by an administrator must choose its own password before anything else', async () => {
    const boss = (await login('boss')).body.accessToken;
    const created = await http(gw.baseUrl, 'POST', '/enterprise/users', { token: boss, body: { username: 'clerk', displayName: '经办', password: 'Initial#2026' } });
    expect(created.status).toBe(201);

    const first = await login('clerk', 'Initial#2026');
    expect([first.status, first.body.pending]).toEqual([200, ['password_change']]);
    const restricted = first.body.accessToken;
    const blocked = await http(gw.baseUrl, 'GET', '/enterprise/users', { token: restricted });
    expect([blocked.status, blocked.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    expect((await http(gw.baseUrl, 'GET', '/auth/me', { token: restricted })).status).toBe(200);
    expect((await http(gw.baseUrl, 'GET', '/auth/security', { token: restricted })).body).toMatchObject({ mustChangePassword: true, pending: ['password_change'] });

    const wrong = await http(gw.baseUrl, 'POST', '/auth/password', { token: restricted, body: { currentPassword: 'Nope#2026x', newPassword: 'Own-choice#2026' } });
    expect([wrong.status, wrong.body.code, wrong.body.errors[0].field]).toEqual([422, 'CURRENT_PASSWORD_WRONG', 'currentPassword']);
    const same = await http(gw.baseUrl, 'POST', '/auth/password', { token: restricted, body: { currentPassword: 'Initial#2026', newPassword: 'Initial#2026' } });
    expect([same.status, same.body.code]).toEqual([422, 'PASSWORD_UNCHANGED']);
    const weak = await http(gw.baseUrl, 'POST', '/auth/password', { token: restricted, body: { currentPassword: 'Initial#2026', newPassword: 'qwertyuiop' } });
    expect([weak.status, weak.body.code, weak.body.errors[0].field]).toEqual([400, 'VALIDATION_FAILED', 'newPassword']);

    const changed = await http(gw.baseUrl, 'POST', '/auth/password', { token: restricted, body: { currentPassword: 'Initial#2026', newPassword: 'Own-choice#2026' } });
    expect([changed.status, changed.body.pending]).toEqual([200, []]);
    expect((await http(gw.baseUrl, 'GET', '/enterprise/users', { token: changed.body.accessToken })).status).toBe(200);
    // The restricted token is gone with the old password; the new one signs in with nothing pending.
    expect((await http(gw.baseUrl, 'GET', '/auth/me', { token: restricted })).status).toBe(401);
    expect((await login('clerk', 'Initial#2026')).status).toBe(401);
    expect((await login('clerk', 'Own-choice#2026')).body.pending).toEqual([]);
    expect(await audited('auth.password.change')).toBe(1);
    expect(await audited('auth.password.change', 'rejected')).toBe(1);
  });

  it('any signed-in account changes its password; another session of it stops working', async () => {
    const a = (await login('baotou')).body.accessToken;
    const b = (await login('baotou')).body.accessToken;
    const changed = await http(gw.baseUrl, 'POST', '/auth/password', { token: a, body: { currentPassword: PASSWORD, newPassword: 'Fresh-choice#2026' } });
    expect(changed.status).toBe(200);
    expect((await http(gw.baseUrl, 'GET', '/auth/me', { token: b })).status).toBe(401);
    expect((await http(gw.baseUrl, 'GET', '/auth/me', { token: changed.body.accessToken })).status).toBe(200);
    const back = await http(gw.baseUrl, 'POST', '/auth/password', { token: changed.body.accessToken, body: { currentPassword: 'Fresh-choice#2026', newPassword: PASSWORD } });
    expect(back.status).toBe(200);
  });
});

describe('lockout', () => {
  it('answers an unknown name exactly as an existing one: 401s, then the same 423 after five failures, in the same time class', async () => {
    const timed = async (username: string) => {
      const started = performance.now();
      const res = await login(username, 'Wrong#Guess-1');
      return { res, ms: performance.now() - started };
    };
    const answers: Record<string, Array<{ status: number; code: string; title: string; detail?: string }>> = { victim: [], 'no.such.user': [] };
    const times: Record<string, number[]> = { victim: [], 'no.such.user': [] };
    for (let i = 0; i < 6; i++) {
      for (const name of ['victim', 'no.such.user']) {
        const { res, ms } = await timed(name);
        answers[name].push({ status: res.body.status, code: res.body.code, title: res.body.title, detail: res.body.detail?.replace(/\d{4}-.*$/, '<time>') });
        times[name].push(ms);
      }
    }
    expect(answers.victim.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(answers['no.such.user']).toEqual(answers.victim);
    expect(answers.victim[5]).toEqual({ status: 423, code: 'ACCOUNT_LOCKED', title: expect.any(String), detail: 'locked until <time>' });
    // Both cost one scrypt verification: medians within a factor of two of each other.
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const ratio = median(times['no.such.user']) / median(times.victim);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // Locked means locked: even the right password is refused alike.
    expect((await login('victim')).status).toBe(423);
  });
});

describe('TOTP second factor (RFC 6238)', () => {
  it('a role that requires it must enrol before anything else; then signs in with a code, once per code', async () => {
    const first = await login('dept');
    expect([first.status, first.body.pending]).toEqual([200, ['totp_enrolment']]);
    const blocked = await http(gw.baseUrl, 'GET', '/accounts/officers', { token: first.body.accessToken });
    expect([blocked.status, blocked.body.code]).toEqual([403, 'TOTP_ENROLMENT_REQUIRED']);

    const started = await http(gw.baseUrl, 'POST', '/auth/totp/enrol', { token: first.body.accessToken });
    expect(started.body.otpauthUri).toMatch(new RegExp(`^otpauth://totp/.+:dept\\?secret=${started.body.secret}&`));
    const secret: string = started.body.secret;
    const badConfirm = await http(gw.baseUrl, 'POST', '/auth/totp/confirm', { token: first.body.accessToken, body: { code: code(secret) === '000000' ? '111111' : '000000' } });
    expect([badConfirm.status, badConfirm.body.code, badConfirm.body.errors[0].field]).toEqual([422, 'INVALID_TOTP', 'code']);
    const confirmed = await http(gw.baseUrl, 'POST', '/auth/totp/confirm', { token: first.body.accessToken, body: { code: code(secret) } });
    expect([confirmed.status, confirmed.body.pending]).toEqual([200, []]);
    expect((await http(gw.baseUrl, 'GET', '/accounts/officers', { token: confirmed.body.accessToken })).status).toBe(200);

    // From now on the password alone is not enough; a wrong code is refused; a used code too.
    const noCode = await login('dept');
    expect([noCode.status, noCode.body.code]).toEqual([401, 'TOTP_REQUIRED']);
    const wrongCode = await login('dept', PASSWORD, nextCode(secret) === '123456' ? '654321' : '123456');
    expect([wrongCode.status, wrongCode.body.code]).toEqual([401, 'INVALID_TOTP']);
    const good = nextCode(secret);
    expect((await login('dept', PASSWORD, good)).status).toBe(200);
    const replayed = await login('dept', PASSWORD, good);
    expect([replayed.status, replayed.body.code]).toEqual([401, 'INVALID_TOTP']);
    // The confirmation code cannot be replayed to sign in either (its step is spent).
    expect((await login('dept', PASSWORD, code(secret))).status).toBe(401);

    const security = await http(gw.baseUrl, 'GET', '/auth/security', { token: confirmed.body.accessToken });
    expect(security.body).toMatchObject({ totpEnabled: true, totpRequired: true, pending: [] });
    const off = await http(gw.baseUrl, 'POST', '/auth/totp/disable', { token: confirmed.body.accessToken, body: { password: PASSWORD, code: '000000' } });
    expect([off.status, off.body.code]).toEqual([422, 'TOTP_REQUIRED_FOR_ROLE']);
    expect(await audited('auth.totp.confirm')).toBe(1);
  });

  it('an official may enable it where not required, and turn it off with password and code', async () => {
    const token = (await login('hohhot')).body.accessToken;
    const { secret, session } = await enrol(token);
    expect((await http(gw.baseUrl, 'GET', '/auth/me', { token })).status).toBe(401); // the older session ends
    expect((await login('hohhot')).body.code).toBe('TOTP_REQUIRED');
    const again = await http(gw.baseUrl, 'POST', '/auth/totp/enrol', { token: session.accessToken });
    expect([again.status, again.body.code]).toEqual([409, 'TOTP_ALREADY_ENABLED']);
    const wrongPassword = await http(gw.baseUrl, 'POST', '/auth/totp/disable', { token: session.accessToken, body: { password: 'Wrong#2026x', code: nextCode(secret) } });
    expect([wrongPassword.status, wrongPassword.body.code]).toEqual([422, 'CURRENT_PASSWORD_WRONG']);
    const off = await http(gw.baseUrl, 'POST', '/auth/totp/disable', { token: session.accessToken, body: { password: PASSWORD, code: nextCode(secret) } });
    expect([off.status, off.body.totpEnabled]).toEqual([200, false]);
    expect((await login('hohhot')).body.pending).toEqual([]);
  });
});

describe('officer accounts (issue 13 item 9)', () => {
  let dept: string;
  let secret: string;

  beforeAll(async () => {
    ({ secret } = await enrol((await login('audit')).body.accessToken));
    // Enrolling ends in a full session.
    dept = (await enrol((await login('dept.two')).body.accessToken)).session.accessToken;
  });

  it('the Department creates a second officer of a prefecture, who must change the password; the review screen lists both', async () => {
    const weak = await http(gw.baseUrl, 'POST', '/accounts/officers', { token: dept, body: { username: 'baotou.two', displayName: '包头 审批人', prefectureId: '150200', password: 'baotou.two2026' } });
    expect([weak.status, weak.body.errors?.[0]?.field]).toEqual([400, 'password']);
    const badPrefecture = await http(gw.baseUrl, 'POST', '/accounts/officers', { token: dept, body: { username: 'x.y', displayName: 'x', prefectureId: '110000', password: 'Initial#2026' } });
    expect([badPrefecture.status, badPrefecture.body.errors?.[0]?.field]).toEqual([400, 'prefectureId']);
    const created = await http(gw.baseUrl, 'POST', '/accounts/officers', { token: dept, body: { username: 'baotou.two', displayName: '包头 审批人', prefectureId: '150200', password: 'Initial#2026' } });
    expect([created.status, created.body.prefectureId, created.body.mustChangePassword]).toEqual([201, '150200', true]);
    const taken = await http(gw.baseUrl, 'POST', '/accounts/officers', { token: dept, body: { username: 'baotou', displayName: 'x', prefectureId: '150200', password: 'Initial#2026' } });
    expect([taken.status, taken.body.code]).toEqual([409, 'USERNAME_TAKEN']);

    const first = await login('baotou.two', 'Initial#2026');
    expect([first.body.actor.role, first.body.actor.prefectureId, first.body.pending]).toEqual(['prefecture_officer', '150200', ['password_change']]);

    // The officers list of the prefecture names both, though neither has acted yet; not Hohhot's.
    const baotou = (await login('baotou')).body.accessToken;
    const officers = await http(gw.baseUrl, 'GET', '/preliminary-review/officers', { token: baotou });
    expect(officers.status).toBe(200);
    expect(officers.body.map((o: { displayName: string }) => o.displayName).sort()).toEqual(['包头 初审员', '包头 审批人'].sort());
    expect(officers.body.every((o: { lastSeenAt: string | null }) => o.lastSeenAt === null)).toBe(true);

    // A case can be assigned to the newcomer, who has not acted yet (two-step approval needs two).
    const applicationId = randomUUID();
    await publishEvent(env, ApplicationSubmitted, {
      applicationId,
      batchId: randomUUID(),
      applicationNo: `2026-150200-${applicationId.slice(0, 8)}`,
      version: 1,
      prefectureId: '150200',
      enterprise: { uscc: ENT, name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
      product: { kind: 'FIRST_SET_EQUIPMENT', name: '大型矿用自卸车', series: 'ZK', model: 'ZK-1', rdCompletedOn: '2026-03-01' },
      submittedAt: new Date().toISOString(),
    });
    await waitUntilConsumed(env, 'INTAKE_EVENTS', 'preliminary-review-submissions');
    expect((await http(gw.baseUrl, 'POST', `/preliminary-review/applications/${applicationId}/claim`, { token: baotou })).status).toBe(200);
    const assigned = await http(gw.baseUrl, 'POST', `/preliminary-review/applications/${applicationId}/assign`, { token: baotou, body: { assigneeId: created.body.id } });
    expect([assigned.status, assigned.body.assigneeId]).toEqual([200, created.body.id]);
    // Not to an officer of another prefecture, whom the accounts also know.
    const hohhotId = (await http(gw.baseUrl, 'GET', '/accounts/officers?prefectureId=150100', { token: dept })).body[0].id;
    const foreign = await http(gw.baseUrl, 'POST', `/preliminary-review/applications/${applicationId}/assign`, { token: baotou, body: { assigneeId: hohhotId } });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'ASSIGNEE_UNKNOWN']);

    const list = await http(gw.baseUrl, 'GET', '/accounts/officers?prefectureId=150200', { token: dept });
    expect(list.body.map((o: { username: string }) => o.username)).toEqual(['baotou', 'baotou.two']);
    const auditorToken = (await login('audit', PASSWORD, nextCode(secret))).body.accessToken;
    expect((await http(gw.baseUrl, 'GET', '/accounts/officers', { token: auditorToken })).status).toBe(200);
    expect(await audited('officer.account.create')).toBe(1);
  });

  it('only the Department creates, disables and enables officers; a disabled officer leaves the list and cannot sign in', async () => {
    const baotou = (await login('baotou')).body.accessToken;
    const boss = (await login('boss')).body.accessToken;
    for (const token of [baotou, boss]) {
      const res = await http(gw.baseUrl, 'POST', '/accounts/officers', { token, body: { username: 'sneaky', displayName: 'x', prefectureId: '150200', password: 'Initial#2026' } });
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    const two = (await http(gw.baseUrl, 'GET', '/accounts/officers?prefectureId=150200', { token: dept })).body.find((o: { username: string }) => o.username === 'baotou.two');
    const enterpriseId = (await http(gw.baseUrl, 'GET', '/enterprise/users', { token: boss })).body[0].id;
    const notOfficer = await http(gw.baseUrl, 'POST', `/accounts/officers/${enterpriseId}/disable`, { token: dept });
    expect([notOfficer.status, notOfficer.body.code]).toEqual([404, 'NOT_FOUND']);
    const disabled = await http(gw.baseUrl, 'POST', `/accounts/officers/${two.id}/disable`, { token: dept });
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);
    expect((await login('baotou.two', 'Initial#2026')).status).toBe(401);
    const officers = await http(gw.baseUrl, 'GET', '/preliminary-review/officers', { token: baotou });
    expect(officers.body.map((o: { displayName: string }) => o.displayName)).toEqual(['包头 初审员']);
    expect((await http(gw.baseUrl, 'POST', `/accounts/officers/${two.id}/enable`, { token: dept })).body.disabled).toBe(false);
  });
});

describe('tamper-evident audit log (issue 20 item 1)', () => {
  it('issue 20.1 every sign-in, refusal and account command above left a record in one unbroken SM3 chain', async () => {
    const schema = schemaOf(env, 'gateway');
    const db = { query: async <R>(text: string, values?: unknown[]) => ({ rows: await sql<R>(env, text, values) }) };
    const report = await verifyAuditChain(db, schema);
    const [{ n }] = await sql<{ n: number }>(env, `SELECT count(*)::int AS n FROM "${schema}".audit_records`);
    expect(n).toBeGreaterThan(10);
    expect(report).toMatchObject({ ok: true, verified: n, head: { seq: String(n) } });
  });

  it('issue 20.1 `npm run audit:verify` passes the chain, then names the record a database owner changed and fails', async () => {
    const schema = schemaOf(env, 'gateway');
    const verify = () => runAuditVerify({ DATABASE_URL: env.databaseUrl, DB_SCHEMA_PREFIX: env.schemaPrefix, AUDIT_SERVICES: 'gateway', AUDIT_CHECKPOINT_FILE: '/nonexistent' });
    const clean = await verify();
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(new RegExp(`^ok +${schema}: \\d+ records`, 'm'));
    // The owner can switch the append-only trigger off; the chain still tells.
    await sql(env, `BEGIN; ALTER TABLE "${schema}".audit_records DISABLE TRIGGER USER;
      UPDATE "${schema}".audit_records SET actor_id = 'someone else' WHERE seq = 3;
      ALTER TABLE "${schema}".audit_records ENABLE TRIGGER USER; COMMIT;`);
    const tampered = await verify();
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`BREAK ${schema}: changed at seq 3`);
    const unknown = await runAuditVerify({ DATABASE_URL: env.databaseUrl, AUDIT_SERVICES: 'gateway,nosuch' });
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('no such service nosuch')]);
  });
});

/** Runs the audit verifier the way an operator does (`npm run audit:verify`), with this environment. */
function runAuditVerify(extra: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(REPO_ROOT, 'scripts', 'audit-verify.mjs')], { env: { ...process.env, ...extra } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}
