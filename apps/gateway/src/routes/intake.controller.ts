import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  CheckApplication,
  GetEnterpriseProfile,
  UpdateEnterpriseProfile,
  UpdateEnterpriseProfileV1,
  CloseBatchWindow,
  ExtendBatchWindow,
  ListApplicationVersions,
  ListNotifications,
  ListNotificationsV1,
  MarkAllNotificationsRead,
  MarkNotificationRead,
  ResubmitApplication,
  UpdateApplicationDraft,
  WithdrawApplication,
  CreateApplication,
  CreateApplicationV1,
  GetApplication,
  ListBatches,
  ListPolicyProfiles,
  ListOwnApplications,
  ListOwnApplicationsV1,
  OpenBatch,
  OpenBatchV1,
  RegisterEnterprise,
  RegisterEnterpriseV1,
  SubmitApplication,
  SubmitCompleteApplication,
  SubmitCompleteApplicationV1,
} from '@firstset/contracts';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { IDEMPOTENCY_KEY_HEADER, ServiceCaller } from '../http/service-caller';
import { CloseWindowBody, DraftBody, ExtendWindowBody, ResubmitBody, SubmitBody, WithdrawBody } from './bodies';

@ApiTags('申报 Intake')
@ApiBearerAuth()
@Controller()
export class IntakeController {
  constructor(private readonly services: ServiceCaller) {}

  @Post('batches')
  @Roles('department_officer')
  @ApiOperation({ summary: '开启年度申报批次 / Open the annual batch (M7.1)' })
  @ApiBody({ type: OpenBatchV1 })
  @ApiReply(OpenBatch, 201)
  openBatch(@Req() req: Request, @Body() body: OpenBatchV1) {
    return this.services.call(req, OpenBatch, body);
  }

  @Get('batches')
  @Public()
  @ApiOperation({ summary: '申报批次 / Annual batches' })
  @ApiReply(ListBatches)
  listBatches(@Req() req: Request) {
    return this.services.call(req, ListBatches, {});
  }

  @Get('policy-profiles')
  @Public()
  @ApiOperation({ summary: '政策配置（认定管理办法版本）/ Registered policy profiles (M15)' })
  @ApiReply(ListPolicyProfiles)
  listPolicyProfiles(@Req() req: Request) {
    return this.services.call(req, ListPolicyProfiles, {});
  }

  @Put('enterprise/profile')
  @Roles('enterprise')
  @ApiOperation({ summary: '企业信息 / Register or update the enterprise profile (M5.1, M7.2)' })
  @ApiBody({ type: RegisterEnterpriseV1 })
  @ApiReply(RegisterEnterprise)
  registerEnterprise(@Req() req: Request, @Body() body: RegisterEnterpriseV1) {
    return this.services.call(req, RegisterEnterprise, body);
  }

  @Post('applications')
  @Roles('enterprise')
  @ApiOperation({ summary: '新建申报 / Start an application' })
  @ApiBody({ type: CreateApplicationV1 })
  @ApiReply(CreateApplication, 201)
  create(@Req() req: Request, @Body() body: CreateApplicationV1) {
    return this.services.call(req, CreateApplication, body);
  }

  @Post('applications/submissions')
  @Roles('enterprise')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary: '一次提交完整申报 / Submit a complete application in one request (M7.1, M7.2), with files uploaded before',
  })
  @ApiBody({ type: SubmitCompleteApplicationV1 })
  @ApiReply(SubmitCompleteApplication, 201)
  // The body is validated once, by intake, against the same contract (the hot path of the deadline rush).
  submitComplete(@Req() req: Request, @Body() body: Record<string, unknown>) {
    return this.services.call(req, SubmitCompleteApplication, body as unknown as SubmitCompleteApplicationV1);
  }

  @Get('applications')
  @Roles('enterprise')
  @ApiOperation({ summary: '本企业的申报（分页、按状态或关键词） / Own applications, paged, by state or keyword' })
  @ApiReply(ListOwnApplications)
  listOwn(@Req() req: Request, @Query() query: ListOwnApplicationsV1) {
    return this.services.call(req, ListOwnApplications, query);
  }

  @Get('applications/:id')
  @Roles('enterprise', 'prefecture_officer', 'department_officer', 'auditor')
  @ApiOperation({ summary: '申报状态与历程 / An application with its status history' })
  @ApiReply(GetApplication)
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetApplication, { applicationId: id });
  }

  @Post('applications/:id/submit')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: '提交申报并签署诚信承诺 / Submit to the prefecture, signing the truthfulness pledge (M7.2, M10.1)' })
  @ApiBody({ type: SubmitBody })
  @ApiReply(SubmitApplication)
  submit(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitBody) {
    return this.services.call(req, SubmitApplication, { ...body, applicationId: id });
  }

  @Post('batches/:id/extend-window')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '延长申报时间 / Extend the application window, with the reason (M7.1)' })
  @ApiBody({ type: ExtendWindowBody })
  @ApiReply(ExtendBatchWindow)
  extendWindow(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ExtendWindowBody) {
    return this.services.call(req, ExtendBatchWindow, { ...body, batchId: id });
  }

  @Post('batches/:id/close-window')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '提前截止申报 / Close the application window now, with the reason (M7.1)' })
  @ApiBody({ type: CloseWindowBody })
  @ApiReply(CloseBatchWindow)
  closeWindow(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: CloseWindowBody) {
    return this.services.call(req, CloseBatchWindow, { ...body, batchId: id });
  }

  @Patch('applications/:id')
  @Roles('enterprise')
  @ApiOperation({ summary: '保存草稿 / Autosave the draft; `expectedRevision` is the revision last read (409 when stale)' })
  @ApiBody({ type: DraftBody })
  @ApiReply(UpdateApplicationDraft)
  updateDraft(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: DraftBody) {
    return this.services.call(req, UpdateApplicationDraft, { ...body, applicationId: id });
  }

  @Get('applications/:id/check')
  @Roles('enterprise')
  @ApiOperation({ summary: '提交前检查 / Pre-submission check: every problem with its field and Measures ID (M5, M6, M7.4)' })
  @ApiReply(CheckApplication)
  check(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, CheckApplication, { applicationId: id });
  }

  @Post('applications/:id/resubmit')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: '补正后重新提交并重新签署诚信承诺 / Resubmit after correction as a new version, signing the truthfulness pledge again (M7.3, M10.1)' })
  @ApiBody({ type: ResubmitBody })
  @ApiReply(ResubmitApplication)
  resubmit(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ResubmitBody) {
    return this.services.call(req, ResubmitApplication, { ...body, applicationId: id });
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: '撤回申报 / Withdraw the application (M7.1)' })
  @ApiBody({ type: WithdrawBody })
  @ApiReply(WithdrawApplication)
  withdraw(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawBody) {
    return this.services.call(req, WithdrawApplication, { ...body, applicationId: id });
  }

  @Get('applications/:id/versions')
  @Roles('enterprise', 'prefecture_officer', 'department_officer', 'auditor')
  @ApiOperation({ summary: '历次提交版本及修改内容 / Submitted versions with their differences' })
  @ApiReply(ListApplicationVersions)
  versions(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, ListApplicationVersions, { applicationId: id });
  }

  @Get('notifications')
  @Roles('enterprise')
  @ApiOperation({ summary: '消息（分页，未读在前） / The enterprise\'s in-app inbox, paged, unread first' })
  @ApiReply(ListNotifications)
  notifications(@Req() req: Request, @Query() query: ListNotificationsV1) {
    return this.services.call(req, ListNotifications, query);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '全部标为已读 / Mark every notice read' })
  @ApiReply(MarkAllNotificationsRead)
  markAllRead(@Req() req: Request) {
    return this.services.call(req, MarkAllNotificationsRead, {});
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '标记已读 / Mark a notice read' })
  @ApiReply(MarkNotificationRead)
  markRead(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, MarkNotificationRead, { notificationId: id });
  }

  @Get('enterprise/profile')
  @Roles('enterprise')
  @ApiOperation({ summary: '企业信息 / The own enterprise profile' })
  @ApiReply(GetEnterpriseProfile)
  getProfile(@Req() req: Request) {
    return this.services.call(req, GetEnterpriseProfile, {});
  }

  @Patch('enterprise/profile')
  @Roles('enterprise')
  @ApiOperation({ summary: '完善企业信息 / Legal representative, contacts, R&D team, IP, trademarks (M5.2, M5.3)' })
  @ApiBody({ type: UpdateEnterpriseProfileV1 })
  @ApiReply(UpdateEnterpriseProfile)
  updateProfile(@Req() req: Request, @Body() body: UpdateEnterpriseProfileV1) {
    return this.services.call(req, UpdateEnterpriseProfile, body);
  }
}
