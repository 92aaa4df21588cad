import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Request } from 'express';
import { ActorContext, ServiceError } from '@firstset/messaging';
import { AuditRecorder, PRISMA } from '@firstset/service-kit';
import type { EnterpriseUserV1 } from '@firstset/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { AccountAdmin } from './account-admin';
import { Db } from '../prisma';

export class CreateEnterpriseUserBody {
  /** Lower-case letters, digits, `.`, `_` and `-`; unique across the platform. */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,39}$/, { message: '须为 3–40 位小写字母、数字或 . _ - / 3–40 lower-case letters, digits, . _ -' })
  username!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName!: string;

  /** The initial password, per the password policy; the user must change it at the first sign-in. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;

  /** Also an administrator (may manage the enterprise's users). */
  @IsOptional()
  @IsBoolean()
  admin?: boolean;
}

type UserView = EnterpriseUserV1;

const view = (a: { id: string; username: string; displayName: string; enterpriseAdmin: boolean; disabled: boolean; createdAt: Date }): UserView => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  admin: a.enterpriseAdmin,
  disabled: a.disabled,
  createdAt: a.createdAt.toISOString(),
});

const notAdmin = () =>
  new ServiceError('ENTERPRISE_ADMIN_ONLY', 403, '仅企业管理员可以管理本企业账号 / Only the enterprise\'s administrator manages its users');

/**
 * Several users per enterprise (issue 4): its administrator adds staff (or other administrators),
 * and disables or enables them; every user of the enterprise sees the list. Accounts live in the
 * gateway; each change is audited in the same transaction.
 */
@ApiTags('企业账号 Enterprise users')
@ApiBearerAuth()
@Controller('enterprise/users')
export class EnterpriseUsersController {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditRecorder,
    private readonly admin: AccountAdmin,
  ) {}

  @Get()
  @Roles('enterprise')
  @ApiOperation({ summary: '本企业账号 / The enterprise\'s users' })
  @ApiReply('EnterpriseUserListV1')
  async list(@CurrentActor() actor: ActorContext): Promise<UserView[]> {
    const accounts = await this.db.account.findMany({ where: { role: 'enterprise', enterpriseUscc: actor.enterpriseUscc! }, orderBy: { createdAt: 'asc' } });
    return accounts.map(view);
  }

  @Post()
  @Roles('enterprise')
  @ApiOperation({ summary: '新增本企业账号 / Add a user to the enterprise (administrator only)' })
  @ApiBody({ type: CreateEnterpriseUserBody })
  @ApiReply('EnterpriseUserV1', 201)
  async create(@Req() req: Request & { id: string }, @CurrentActor() actor: ActorContext, @Body() body: CreateEnterpriseUserBody): Promise<UserView> {
    await this.assertAdmin(actor);
    const account = await this.admin.create(
      req,
      actor,
      body,
      { role: 'enterprise', enterpriseUscc: actor.enterpriseUscc!, enterpriseAdmin: body.admin === true },
      { action: 'enterprise.user', detail: { username: body.username, admin: body.admin === true } },
    );
    return view(account);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '停用本企业账号 / Disable a user of the enterprise (administrator only; not oneself)' })
  @ApiReply('EnterpriseUserV1')
  disable(@Req() req: Request & { id: string }, @CurrentActor() actor: ActorContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.setDisabled(req, actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '启用本企业账号 / Enable a user of the enterprise again (administrator only)' })
  @ApiReply('EnterpriseUserV1')
  enable(@Req() req: Request & { id: string }, @CurrentActor() actor: ActorContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.setDisabled(req, actor, id, false);
  }

  private async setDisabled(req: Request & { id: string }, actor: ActorContext, id: string, disabled: boolean): Promise<UserView> {
    await this.assertAdmin(actor);
    if (id === actor.userId) throw new ServiceError('CANNOT_DISABLE_SELF', 422, '不能停用自己的账号 / You cannot disable your own account');
    const scope = { role: 'enterprise', enterpriseUscc: actor.enterpriseUscc! };
    return view(await this.admin.setDisabled(req, actor, { id, scope, action: 'enterprise.user' }, disabled));
  }

  private async assertAdmin(actor: ActorContext): Promise<void> {
    const me = await this.db.account.findUnique({ where: { id: actor.userId }, select: { enterpriseAdmin: true, disabled: true } });
    if (!me?.enterpriseAdmin || me.disabled) throw notAdmin();
  }
}
