import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ActorContext, ServiceError } from '@firstset/messaging';
import { AuditRecorder, Clock, PRISMA, SERVICE_CONFIG } from '@firstset/service-kit';
import type { AccountSecurityV1, ActorV1, LoginResultV1, TotpEnrolmentV1 } from '@firstset/contracts';
import { GatewayConfig } from '../config';
import { ApiReply } from '../http/api-reply';
import { Db } from '../prisma';
import { actorOf, pendingSteps } from './account-security';
import { ChangePasswordBody, DisableTotpBody, TotpCodeBody } from './auth.bodies';
import { AllowPending, CurrentActor } from './auth.decorators';
import { hashPassword, verifyPassword } from './password-hasher';
import { assertPasswordPolicy } from './password-policy';
import { SignInFailures } from './sign-in-failures';
import { TokenRevocations } from './token-revocations';
import { TokenService } from './token.service';
import { matchTotp, newTotpSecret, otpauthUri } from './totp';

type Req = Request & { id: string };
type Account = NonNullable<Awaited<ReturnType<Db['account']['findUnique']>>>;

const TOTP_ISSUER = '首台套认定平台';

const fieldError = (code: string, status: number, title: string, field: string) =>
  new ServiceError(code, status, title, undefined, [{ field, message: title, rule: code }]);

const locked = (until: Date) =>
  new ServiceError('ACCOUNT_LOCKED', 423, '登录失败次数过多，账号已暂时锁定 / Too many failed sign-ins; the account is locked for now', `locked until ${until.toISOString()}`);

/**
 * The signed-in account's own security (issue 14): changing the password (forced at the first
 * sign-in of an account someone else created), and a TOTP second factor (等保 2.0 level 3 asks two
 * factors of administrators; REQUIRE_TOTP_FOR makes it compulsory for roles). These routes serve a
 * token whose account still has such a step pending; each change is audited.
 */
@ApiTags('认证 Authentication')
@ApiBearerAuth()
@Controller('auth')
export class AccountSecurityController {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly tokens: TokenService,
    private readonly revocations: TokenRevocations,
    private readonly failures: SignInFailures,
    private readonly clock: Clock,
    private readonly audit: AuditRecorder,
  ) {}

  @Get('security')
  @AllowPending()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '账号安全设置 / The account\'s security: pending steps, second factor' })
  @ApiReply('AccountSecurityV1')
  async security(@CurrentActor() actor: ActorContext): Promise<AccountSecurityV1> {
    return this.view(await this.account(actor));
  }

  @Post('password')
  @HttpCode(200)
  @AllowPending()
  @ApiOperation({ summary: '修改密码 / Change the password (current and new); signs out other sessions and returns a new token' })
  @ApiBody({ type: ChangePasswordBody })
  @ApiReply('LoginResultV1')
  async changePassword(@Req() req: Req, @CurrentActor() actor: ActorContext, @Body() body: ChangePasswordBody): Promise<LoginResultV1> {
    const account = await this.account(actor);
    const now = this.clock.now();
    const lockedUntil = await this.failures.lockedUntil(account.username, now);
    const currentOk = await verifyPassword(body.currentPassword, account.passwordHash);
    if (lockedUntil) throw locked(lockedUntil);
    if (!currentOk) {
      // A stolen token must not become a way to guess the password: failures count as sign-ins do.
      const nowLocked = await this.failures.record(account.username, now);
      await this.audit.record(this.db, { requestId: req.id, actor }, { action: 'auth.password.change', objectType: 'account', objectId: account.id, outcome: 'rejected', detail: { reason: 'wrong current password' } });
      if (nowLocked) throw locked(nowLocked);
      throw fieldError('CURRENT_PASSWORD_WRONG', 422, '当前密码不正确 / The current password is wrong', 'currentPassword');
    }
    if (body.newPassword.normalize('NFKC') === body.currentPassword.normalize('NFKC')) {
      throw fieldError('PASSWORD_UNCHANGED', 422, '新密码不能与当前密码相同 / The new password must differ from the current one', 'newPassword');
    }
    assertPasswordPolicy(body.newPassword, account.username, 'newPassword');
    const passwordHash = await hashPassword(body.newPassword);
    const updated = await this.db.$transaction(async (tx) => {
      const row = await tx.account.update({
        where: { id: account.id },
        data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, tokensRevokedAt: now },
      });
      await this.audit.record(tx, { requestId: req.id, actor }, { action: 'auth.password.change', objectType: 'account', objectId: account.id, outcome: 'succeeded', detail: { forced: account.mustChangePassword } });
      return row;
    });
    return this.newSession(updated, now);
  }

  @Post('totp/enrol')
  @HttpCode(200)
  @AllowPending()
  @ApiOperation({ summary: '开始启用动态验证码 / Start enrolling a TOTP second factor: a secret and its otpauth URI for an authenticator app' })
  @ApiReply('TotpEnrolmentV1')
  async enrolTotp(@Req() req: Req, @CurrentActor() actor: ActorContext): Promise<TotpEnrolmentV1> {
    const account = await this.account(actor);
    if (account.totpSecret) throw new ServiceError('TOTP_ALREADY_ENABLED', 409, '已启用动态验证码 / A second factor is already enabled');
    const secret = newTotpSecret();
    await this.db.$transaction(async (tx) => {
      await tx.account.update({ where: { id: account.id }, data: { totpPendingSecret: secret } });
      await this.audit.record(tx, { requestId: req.id, actor }, { action: 'auth.totp.enrol', objectType: 'account', objectId: account.id, outcome: 'succeeded' });
    });
    return { secret, otpauthUri: otpauthUri(TOTP_ISSUER, account.username, secret) };
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @AllowPending()
  @ApiOperation({ summary: '确认启用动态验证码 / Confirm the second factor with a code from the app; returns a new token' })
  @ApiBody({ type: TotpCodeBody })
  @ApiReply('LoginResultV1')
  async confirmTotp(@Req() req: Req, @CurrentActor() actor: ActorContext, @Body() body: TotpCodeBody): Promise<LoginResultV1> {
    const account = await this.account(actor);
    if (account.totpSecret) throw new ServiceError('TOTP_ALREADY_ENABLED', 409, '已启用动态验证码 / A second factor is already enabled');
    if (!account.totpPendingSecret) throw new ServiceError('TOTP_NOT_ENROLLING', 409, '请先开始启用动态验证码 / Start the enrolment first');
    const now = this.clock.now();
    const step = matchTotp(account.totpPendingSecret, body.code, now.getTime(), null);
    if (step === null) throw fieldError('INVALID_TOTP', 422, '动态验证码不正确 / The code is wrong', 'code');
    const updated = await this.db.$transaction(async (tx) => {
      const row = await tx.account.update({
        where: { id: account.id },
        data: { totpSecret: account.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step, tokensRevokedAt: now },
      });
      await this.audit.record(tx, { requestId: req.id, actor }, { action: 'auth.totp.confirm', objectType: 'account', objectId: account.id, outcome: 'succeeded' });
      return row;
    });
    return this.newSession(updated, now);
  }

  @Post('totp/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用动态验证码 / Turn the second factor off (password and a current code; not where the role requires it)' })
  @ApiBody({ type: DisableTotpBody })
  @ApiReply('AccountSecurityV1')
  async disableTotp(@Req() req: Req, @CurrentActor() actor: ActorContext, @Body() body: DisableTotpBody): Promise<AccountSecurityV1> {
    const account = await this.account(actor);
    if (this.config.requireTotpFor.includes(account.role)) {
      throw new ServiceError('TOTP_REQUIRED_FOR_ROLE', 422, '该角色必须使用动态验证码 / This role must keep a second factor');
    }
    if (!account.totpSecret) throw new ServiceError('TOTP_NOT_ENABLED', 409, '未启用动态验证码 / No second factor is enabled');
    const now = this.clock.now();
    if (!(await verifyPassword(body.password, account.passwordHash))) {
      throw fieldError('CURRENT_PASSWORD_WRONG', 422, '当前密码不正确 / The current password is wrong', 'password');
    }
    const step = matchTotp(account.totpSecret, body.code, now.getTime(), account.totpLastStep);
    if (step === null) throw fieldError('INVALID_TOTP', 422, '动态验证码不正确 / The code is wrong', 'code');
    const updated = await this.db.$transaction(async (tx) => {
      const row = await tx.account.update({ where: { id: account.id }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } });
      await this.audit.record(tx, { requestId: req.id, actor }, { action: 'auth.totp.disable', objectType: 'account', objectId: account.id, outcome: 'succeeded' });
      return row;
    });
    return this.view(updated);
  }

  private async account(actor: ActorContext): Promise<Account> {
    const account = await this.db.account.findUnique({ where: { id: actor.userId } });
    if (!account || account.disabled) throw new ServiceError('UNAUTHENTICATED', 401, '请先登录或重新登录 / Sign in (again) to continue');
    return account;
  }

  private view(account: Account): AccountSecurityV1 {
    return {
      username: account.username,
      mustChangePassword: account.mustChangePassword,
      passwordChangedAt: account.passwordChangedAt?.toISOString() ?? null,
      totpEnabled: account.totpSecret !== null,
      totpRequired: this.config.requireTotpFor.includes(account.role),
      pending: pendingSteps(account, this.config),
    };
  }

  /** Every earlier token of the account was revoked at `revokedAt`; this one is issued just after. */
  private async newSession(account: Account, revokedAt: Date): Promise<LoginResultV1> {
    this.revocations.revoked(account.id, revokedAt);
    const actor = actorOf(account);
    const pending = pendingSteps(account, this.config);
    const token = await this.tokens.issue(actor, pending, revokedAt.getTime() + 1);
    return { ...token, tokenType: 'Bearer', actor: actor as ActorV1, pending };
  }
}
