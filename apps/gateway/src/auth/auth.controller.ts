import { Body, Controller, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ActorContext, ServiceError } from '@firstset/messaging';
import { AuditRecorder, Clock, PRISMA } from '@firstset/service-kit';
import { Inject } from '@nestjs/common';
import { LoginBody } from '../routes/bodies';
import { Db } from '../prisma';
import type { ActorV1, LoginResultV1 } from '@firstset/contracts';
import { ApiNoContent, ApiReply } from '../http/api-reply';
import { AllowPending, CurrentActor, Public } from './auth.decorators';
import { IdentityProvider } from './identity-provider';
import { TokenRevocations } from './token-revocations';
import { TokenService } from './token.service';

@ApiTags('认证 Authentication')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identities: IdentityProvider,
    private readonly tokens: TokenService,
    private readonly revocations: TokenRevocations,
    private readonly clock: Clock,
    private readonly audit: AuditRecorder,
    @Inject(PRISMA) private readonly db: Db,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录 / Sign in; returns a short-lived bearer token' })
  @ApiBody({ type: LoginBody })
  @ApiReply('LoginResultV1')
  async login(@Req() req: Request & { id: string }, @Body() body: LoginBody): Promise<LoginResultV1> {
    const result = await this.identities.login(body.username, body.password, body.totpCode, this.clock.now());
    const actor: ActorContext = result.ok ? result.actor : { userId: `login:${body.username}`, role: 'public' };
    await this.audit.record(this.db, { requestId: req.id, actor }, {
      action: 'auth.login',
      objectType: 'account',
      objectId: body.username,
      outcome: result.ok ? 'succeeded' : 'rejected',
      detail: result.ok ? {} : { reason: result.reason },
    });
    if (!result.ok) {
      // The same answer whether the name exists or not (issue 14): the lockout counts per name.
      if (result.reason === 'locked') {
        throw new ServiceError(
          'ACCOUNT_LOCKED',
          423,
          '登录失败次数过多，账号已暂时锁定 / Too many failed sign-ins; the account is locked for now',
          `locked until ${result.lockedUntil?.toISOString()}`,
        );
      }
      if (result.reason === 'totp_required') {
        throw new ServiceError('TOTP_REQUIRED', 401, '请输入动态验证码 / Enter the code of your authenticator app', 'send totpCode with the username and password');
      }
      if (result.reason === 'invalid_totp') {
        throw new ServiceError('INVALID_TOTP', 401, '动态验证码不正确或已使用 / The code is wrong or was used already', undefined, [
          { field: 'totpCode', message: '动态验证码不正确或已使用 / The code is wrong or was used already', rule: 'INVALID_TOTP' },
        ]);
      }
      throw new ServiceError('INVALID_CREDENTIALS', 401, '用户名或密码错误 / Wrong username or password');
    }
    // Only the roles of ActorV1 sign in (the 'public' actor above is the audit's, for a refusal).
    // A pending step (a first password, a second factor to enrol) restricts the token until done.
    return { ...(await this.tokens.issue(result.actor, result.pending)), tokenType: 'Bearer', actor: result.actor as ActorV1, pending: result.pending };
  }

  @Post('logout')
  @HttpCode(204)
  @AllowPending()
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录 / Sign out: every token of this user issued until now stops working, on every device' })
  @ApiNoContent('已退出 / Signed out')
  async logout(@Req() req: Request & { id: string }, @CurrentActor() actor: ActorContext): Promise<void> {
    const at = this.clock.now();
    await this.db.$transaction(async (tx) => {
      await tx.account.updateMany({ where: { id: actor.userId }, data: { tokensRevokedAt: at } });
      await this.audit.record(tx, { requestId: req.id, actor }, { action: 'auth.logout', objectType: 'account', objectId: actor.userId, outcome: 'succeeded' });
    });
    this.revocations.revoked(actor.userId, at);
  }

  @Get('me')
  @AllowPending()
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户 / The signed-in actor and its jurisdiction' })
  @ApiReply('ActorV1')
  me(@CurrentActor() actor: ActorContext) {
    return actor;
  }
}
