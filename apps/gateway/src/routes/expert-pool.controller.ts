import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AddExpert,
  AddExpertTie,
  AddExpertV1,
  BindExpertAccount,
  ExpertPoolQueryV1,
  GetCaseConflicts,
  GetExpert,
  GetExpertConflicts,
  GetExpertTemplate,
  ImportExperts,
  ListExperts,
  RecordConflict,
  RemoveExpertTie,
  SpreadsheetUploadV1,
  UpdateExpert,
} from '@firstset/contracts';
import { ActorContext } from '@firstset/messaging';
import { PRISMA } from '@firstset/service-kit';
import { AccountAdmin } from '../accounts/account-admin';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { Db } from '../prisma';
import { CaseConflictBody, ExpertTieBody, IssueExpertAccountBody, UpdateExpertBody } from './expert-pool.bodies';

const disposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * The institution's expert pool (M8.1) with its import and the experts' sign-in accounts, the
 * conflicts of interest of its cases (M11.1), and an expert's own declarations (M11.1 declared).
 */
@ApiTags('专家库 Expert pool')
@ApiBearerAuth()
@Controller()
export class ExpertPoolController {
  constructor(
    private readonly services: ServiceCaller,
    private readonly admin: AccountAdmin,
    @Inject(PRISMA) private readonly db: Db,
  ) {}

  @Get('expert-pool/experts')
  @Roles('institution_staff')
  @ApiOperation({ summary: '专家库（检索、按领域与可用性筛选） / The pool, searched and filtered by field and availability' })
  @ApiReply(ListExperts)
  list(@Req() req: Request, @Query() query: ExpertPoolQueryV1) {
    return this.services.call(req, ListExperts, query);
  }

  @Post('expert-pool/experts')
  @Roles('institution_staff')
  @ApiOperation({ summary: '新增专家 / Add an expert to the pool (M8.1)' })
  @ApiBody({ type: AddExpertV1 })
  @ApiReply(AddExpert, 201)
  add(@Req() req: Request, @Body() body: AddExpertV1) {
    return this.services.call(req, AddExpert, body);
  }

  @Get('expert-pool/experts/:id')
  @Roles('institution_staff')
  @ApiOperation({ summary: '专家详情及申报关系 / An expert with the declared ties' })
  @ApiReply(GetExpert)
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetExpert, { expertId: id });
  }

  @Put('expert-pool/experts/:id')
  @Roles('institution_staff')
  @ApiOperation({ summary: '修改专家信息（按版本） / Edit an expert at the version read' })
  @ApiBody({ type: UpdateExpertBody })
  @ApiReply(UpdateExpert)
  update(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateExpertBody) {
    return this.services.call(req, UpdateExpert, { ...body, expertId: id });
  }

  @Post('expert-pool/experts/:id/ties')
  @Roles('institution_staff')
  @ApiOperation({ summary: '代专家申报关系 / Declare a tie for an expert (M11.1)' })
  @ApiBody({ type: ExpertTieBody })
  @ApiReply(AddExpertTie, 201)
  addTie(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ExpertTieBody) {
    return this.services.call(req, AddExpertTie, { ...body, expertId: id });
  }

  @Delete('expert-pool/experts/:id/ties/:tieId')
  @Roles('institution_staff')
  @ApiOperation({ summary: '删除申报关系 / Remove a declared tie' })
  @ApiReply(RemoveExpertTie)
  removeTie(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Param('tieId', ParseUUIDPipe) tieId: string) {
    return this.services.call(req, RemoveExpertTie, { expertId: id, tieId });
  }

  @Post('expert-pool/imports')
  @Roles('institution_staff')
  @ApiOperation({ summary: '导入专家（预览或确认，任一行有误则不导入） / Import experts, preview or commit (all rows or none)' })
  @ApiBody({ type: SpreadsheetUploadV1 })
  @ApiReply(ImportExperts)
  import(@Req() req: Request, @Body() body: SpreadsheetUploadV1) {
    return this.services.call(req, ImportExperts, body);
  }

  @Get('expert-pool/template.xlsx')
  @Roles('institution_staff')
  @ApiOperation({ summary: '专家导入模板（Excel） / The pool import template' })
  @ApiFileReply('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async template(@Req() req: Request, @Res() res: Response) {
    const file = await this.services.call(req, GetExpertTemplate, {});
    const body = Buffer.from(file.base64, 'base64');
    res.status(200).setHeader('Content-Type', file.contentType).setHeader('Content-Disposition', disposition(file.fileName)).setHeader('Content-Length', body.length).end(body);
  }

  /**
   * Issues a sign-in account for an expert of the caller's pool: the pool confirms the expert is
   * the caller's (another institution's is "not found") and has none yet; the account is created
   * here, bound to the expert, with an initial password by the policy that the expert changes at
   * the first sign-in; the pool then names it.
   */
  @Post('expert-pool/experts/:id/account')
  @Roles('institution_staff')
  @ApiOperation({ summary: '为专家开通登录账号（首次登录须修改密码） / Issue the expert a sign-in account (must change the password at the first sign-in)' })
  @ApiBody({ type: IssueExpertAccountBody })
  @ApiReply(BindExpertAccount, 201)
  async issueAccount(@Req() req: Request & { id: string }, @CurrentActor() actor: ActorContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: IssueExpertAccountBody) {
    const expert = await this.services.call(req, GetExpert, { expertId: id });
    if (expert.accountUsername) {
      // Confirms the name it has, or refuses another (409), without creating anything.
      return this.services.call(req, BindExpertAccount, { expertId: id, username: body.username });
    }
    // An account made for this very expert by an earlier call whose binding did not arrive: bind it now.
    const earlier = await this.db.account.findUnique({ where: { username: body.username } });
    if (earlier?.role === 'expert' && earlier.expertId === expert.id) return this.services.call(req, BindExpertAccount, { expertId: id, username: body.username });
    await this.admin.create(
      req,
      actor,
      { username: body.username, displayName: body.displayName ?? expert.name, password: body.password },
      { role: 'expert', expertId: expert.id, institutionId: expert.institutionId },
      { action: 'expert.account', detail: { username: body.username, expertId: expert.id, institutionId: expert.institutionId } },
    );
    return this.services.call(req, BindExpertAccount, { expertId: id, username: body.username });
  }

  @Get('expert-pool/experts/:id/conflicts')
  @Roles('institution_staff')
  @ApiOperation({ summary: '专家的利益冲突（本机构承担的申报） / An expert\'s conflicts across the institution\'s cases (M11.1)' })
  @ApiReply(GetExpertConflicts)
  expertConflicts(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetExpertConflicts, { expertId: id });
  }

  @Get('expert-pool/cases/:id/conflicts')
  @Roles('institution_staff')
  @ApiOperation({ summary: '申报的利益冲突（专家库每位专家及原因） / Every pool expert\'s conflicts with a case, with reasons (M11.1)' })
  @ApiReply(GetCaseConflicts)
  caseConflicts(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetCaseConflicts, { applicationId: id });
  }

  @Post('expert-pool/cases/:id/conflicts')
  @Roles('institution_staff')
  @ApiOperation({ summary: '确认或代专家申报利益冲突 / Pin a detected conflict or record a declared one (M11.1)' })
  @ApiBody({ type: CaseConflictBody })
  @ApiReply(RecordConflict, 201)
  recordConflict(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: CaseConflictBody) {
    return this.services.call(req, RecordConflict, { ...body, applicationId: id });
  }

  @Get('my-declarations')
  @Roles('expert')
  @ApiOperation({ summary: '我的申报（关系） / My declarations: the ties I declared (M11.1)' })
  @ApiReply(GetExpert)
  mine(@Req() req: Request) {
    return this.services.call(req, GetExpert, {});
  }

  @Post('my-declarations/ties')
  @Roles('expert')
  @ApiOperation({ summary: '申报关系 / Declare a tie (M11.1)' })
  @ApiBody({ type: ExpertTieBody })
  @ApiReply(AddExpertTie, 201)
  declare(@Req() req: Request, @Body() body: ExpertTieBody) {
    return this.services.call(req, AddExpertTie, body);
  }

  @Delete('my-declarations/ties/:tieId')
  @HttpCode(200)
  @Roles('expert')
  @ApiOperation({ summary: '删除我申报的关系 / Remove a tie I declared' })
  @ApiReply(RemoveExpertTie)
  undeclare(@Req() req: Request, @Param('tieId', ParseUUIDPipe) tieId: string) {
    return this.services.call(req, RemoveExpertTie, { tieId });
  }
}
