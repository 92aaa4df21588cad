import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Request } from 'express';
import { ActorContext } from '@firstset/messaging';
import { AuditRecorder, PRISMA } from '@firstset/service-kit';
import type { OfficerAccountV1 } from '@firstset/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AccountAdmin } from './account-admin';
import { ApiReply } from '../http/api-reply';
import { Db } from '../prisma';

const PREFECTURE_ID = /^15\d{4}$/;

export class CreateOfficerBody {
  /** Lower-case letters, digits, `.`, `_` and `-`; unique across the platform. */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,39}$/, { message: '须为 3–40 位小写字母、数字或 . _ - / 3–40 lower-case letters, digits, . _ -' })
  username!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName!: string;

  /** The recommending body (盟市) the officer works for: its 6-digit division code. */
  @IsString()
  @Matches(PREFECTURE_ID, { message: '须为内蒙古的 6 位行政区划代码 / must be a 6-digit division code of Inner Mongolia' })
  prefectureId!: string;

  /** The initial password, per the password policy; the officer must change it at the first sign-in. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class OfficerQuery {
  @IsOptional()
  @IsString()
  @Matches(PREFECTURE_ID, { message: '须为内蒙古的 6 位行政区划代码 / must be a 6-digit division code of Inner Mongolia' })
  prefectureId?: string;
}

type OfficerRow = { id: string; username: string; displayName: string; prefectureId: string | null; disabled: boolean; mustChangePassword: boolean; createdAt: Date };

const view = (a: OfficerRow): OfficerAccountV1 => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  prefectureId: a.prefectureId!,
  disabled: a.disabled,
  mustChangePassword: a.mustChangePassword,
  createdAt: a.createdAt.toISOString(),
});

/**
 * Prefecture officers' accounts (issue 13 item 9): a prefecture may have several officers, so that
 * two-step approval has a drafter and an approver. The Department creates them, bound to one
 * prefecture, with an initial password the officer must change at the first sign-in; it disables
 * and enables them. Accounts live in the gateway; each change is audited in its transaction.
 */
@ApiTags('盟市经办人账号 Officer accounts')
@ApiBearerAuth()
@Controller('accounts/officers')
export class OfficerAccountsController {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditRecorder,
    private readonly admin: AccountAdmin,
  ) {}

  @Get()
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '盟市经办人账号 / Prefecture officers\' accounts, of one prefecture or all' })
  @ApiReply('OfficerAccountListV1')
  async list(@Query() query: OfficerQuery): Promise<OfficerAccountV1[]> {
    const rows = await this.db.account.findMany({
      where: { role: 'prefecture_officer', ...(query.prefectureId ? { prefectureId: query.prefectureId } : {}) },
      orderBy: [{ prefectureId: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map(view);
  }

  @Post()
  @Roles('department_officer')
  @ApiOperation({ summary: '新增盟市经办人账号 / Create a prefecture officer\'s account (must change the password at the first sign-in)' })
  @ApiBody({ type: CreateOfficerBody })
  @ApiReply('OfficerAccountV1', 201)
  async create(@Req() req: Request & { id: string }, @CurrentActor() actor: ActorContext, @Body() body: CreateOfficerBody): Promise<OfficerAccountV1> {
    const account = await this.admin.create(
      req,
      actor,
      body,
      { role: 'prefecture_officer', prefectureId: body.prefectureId },
      { action: 'officer.account', detail: { username: body.username, prefectureId: body.prefectureId } },
    );
    return view(account);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '停用盟市经办人账号 / Disable an officer\'s account (its tokens stop working at once)' })
  @ApiReply('OfficerAccountV1')
  disable(@Req() req: Request & { id: string }, @CurrentActor() actor: ActorContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.setDisabled(req, actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '启用盟市经办人账号 / Enable an officer\'s account again' })
  @ApiReply('OfficerAccountV1')
  enable(@Req() req: Request & { id: string }, @CurrentActor() actor: ActorContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.setDisabled(req, actor, id, false);
  }

  private async setDisabled(req: Request & { id: string }, actor: ActorContext, id: string, disabled: boolean): Promise<OfficerAccountV1> {
    return view(await this.admin.setDisabled(req, actor, { id, scope: { role: 'prefecture_officer' }, action: 'officer.account' }, disabled));
  }
}
