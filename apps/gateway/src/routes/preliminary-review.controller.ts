import type { ExportedFileV1 } from '@firstset/contracts';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import * as C from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { sendFile } from '../http/send-file';
import { OfficerDirectory } from '../accounts/officer-directory';
import { isUuid } from '@firstset/messaging';
import { BatchQuery, OpinionBody } from './bodies';
import { ApprovalSettingBody, AssignBody, ConditionVerdictBody, DiscardDraftBody, RejectBody, ReturnBody, SummaryBody, SummaryQuery, VerdictBody, VerificationBody } from './preliminary-review.bodies';

const READERS = ['prefecture_officer', 'department_officer', 'auditor'] as const;


@ApiTags('初审 Preliminary review')
@ApiBearerAuth()
@Controller('preliminary-review')
export class PreliminaryReviewController {
  constructor(
    private readonly services: ServiceCaller,
    private readonly officerDirectory: OfficerDirectory,
  ) {}

  @Get('queue')
  @Roles(...READERS)
  @ApiOperation({ summary: '本盟市初审队列 / The prefecture queue (M7.2, M7.3)' })
  @ApiReply(C.ListReviewQueue)
  queue(@Req() req: Request, @Query() query: BatchQuery) {
    return this.services.call(req, C.ListReviewQueue, query);
  }

  @Get('queue/search')
  @Roles(...READERS)
  @ApiOperation({ summary: '初审队列检索、筛选、分页 / Search, filter and page the queue (M7.2, M7.3)' })
  @ApiReply(C.SearchReviewQueue)
  search(@Req() req: Request, @Query() query: C.SearchReviewQueueV1) {
    return this.services.call(req, C.SearchReviewQueue, query);
  }

  @Get('applications/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: '初审案卷 / One application under preliminary review' })
  @ApiReply(C.GetReviewCase)
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, C.GetReviewCase, { applicationId: id });
  }

  @Post('applications/:id/claim')
  @HttpCode(200)
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '认领 / Claim the application' })
  @ApiReply(C.ClaimReviewCase)
  claim(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, C.ClaimReviewCase, { applicationId: id });
  }

  @Post('applications/:id/assign')
  @HttpCode(200)
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '分派 / Assign to another officer of the prefecture' })
  @ApiBody({ type: AssignBody })
  @ApiReply(C.AssignReviewCase)
  async assign(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignBody) {
    // An officer who has not acted yet is known from the accounts: make them known to the service.
    if (isUuid(body.assigneeId)) await this.officerDirectory.makeKnown(req, body.assigneeId);
    return this.services.call(req, C.AssignReviewCase, { applicationId: id, ...body });
  }

  @Get('applications/:id/formal-review')
  @Roles(...READERS)
  @ApiOperation({ summary: '形式审查表 / Formal review sheet (M7.4, M12.1)' })
  @ApiReply(C.GetFormalReview)
  formalReview(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, C.GetFormalReview, { applicationId: id });
  }

  @Put('applications/:id/materials')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '材料审查意见 / Verdict on one material (M7.4, M5.5)' })
  @ApiBody({ type: VerdictBody })
  @ApiReply(C.RecordMaterialVerdict)
  verdict(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: VerdictBody) {
    return this.services.call(req, C.RecordMaterialVerdict, { applicationId: id, ...body });
  }

  @Put('applications/:id/conditions')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '条件判定 / Verdict on one condition of M5 or exclusion of M6 (M12.1)' })
  @ApiBody({ type: ConditionVerdictBody })
  @ApiReply(C.RecordConditionVerdict)
  conditionVerdict(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ConditionVerdictBody) {
    return this.services.call(req, C.RecordConditionVerdict, { applicationId: id, ...body });
  }

  @Post('applications/:id/verifications')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '核查记录 / Record a verification action (M12.1)' })
  @ApiBody({ type: VerificationBody })
  @ApiReply(C.RecordVerification, 201)
  verification(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: VerificationBody) {
    return this.services.call(req, C.RecordVerification, { applicationId: id, ...body });
  }

  @Post('applications/:id/recommend')
  @HttpCode(200)
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '推荐 / Recommend to the Department (M3.2, M7.3)' })
  @ApiBody({ type: OpinionBody })
  @ApiReply(C.RecommendApplication)
  recommend(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: OpinionBody) {
    return this.services.call(req, C.RecommendApplication, { applicationId: id, opinion: body.opinion });
  }

  @Post('applications/:id/return')
  @HttpCode(200)
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '退回补正 / Return for correction (M7.3)' })
  @ApiBody({ type: ReturnBody })
  @ApiReply(C.ReturnForCorrection)
  returnForCorrection(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReturnBody) {
    return this.services.call(req, C.ReturnForCorrection, { applicationId: id, ...body });
  }

  @Post('applications/:id/reject')
  @HttpCode(200)
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '初审不通过 / Reject, final for the batch (M7.3, M12.1)' })
  @ApiBody({ type: RejectBody })
  @ApiReply(C.RejectApplication)
  reject(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: RejectBody) {
    return this.services.call(req, C.RejectApplication, { applicationId: id, ...body });
  }

  @Post('applications/:id/approve')
  @HttpCode(200)
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '审批决定 / Approve the drafted decision (two-step approval)' })
  @ApiReply(C.ApproveDecision)
  approve(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, C.ApproveDecision, { applicationId: id });
  }

  @Post('applications/:id/discard-draft')
  @HttpCode(200)
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '撤回或退回待审批决定 / Withdraw (drafter) or send back (approver) the drafted decision, with a reason' })
  @ApiBody({ type: DiscardDraftBody })
  @ApiReply(C.DiscardDecisionDraft)
  discardDraft(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: DiscardDraftBody) {
    return this.services.call(req, C.DiscardDecisionDraft, { applicationId: id, ...body });
  }

  @Get('officers')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '本盟市经办人 / Every officer of the own prefecture, from the accounts (for assigning; names behind user ids)' })
  @ApiReply(C.ListPrefectureOfficers)
  officers(@Req() req: Request) {
    return this.officerDirectory.list(req);
  }

  @Get('settings/approval')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '两级审批设置 / Two-step approval setting of the own prefecture' })
  @ApiReply(C.GetApprovalSetting)
  approvalSetting(@Req() req: Request) {
    return this.services.call(req, C.GetApprovalSetting, {});
  }

  @Put('settings/approval')
  @Roles('prefecture_officer', 'department_officer')
  @ApiOperation({ summary: '设置两级审批 / Turn two-step approval on or off' })
  @ApiBody({ type: ApprovalSettingBody })
  @ApiReply(C.SetApprovalSetting)
  setApprovalSetting(@Req() req: Request, @Body() body: ApprovalSettingBody) {
    return this.services.call(req, C.SetApprovalSetting, body);
  }

  @Post('summaries')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '汇总报送 / Submit the prefecture summary (M7.3)' })
  @ApiBody({ type: SummaryBody })
  @ApiReply(C.SubmitSummary, 201)
  submitSummary(@Req() req: Request, @Body() body: SummaryBody) {
    return this.services.call(req, C.SubmitSummary, body);
  }

  @Post('summaries/supplements')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '补报 / Submit a supplementary summary after the first (M7.3)' })
  @ApiBody({ type: SummaryBody })
  @ApiReply(C.SubmitSupplementarySummary, 201)
  submitSupplement(@Req() req: Request, @Body() body: SummaryBody) {
    return this.services.call(req, C.SubmitSupplementarySummary, body);
  }

  @Get('summaries/:batchId')
  @Roles(...READERS)
  @ApiOperation({ summary: '汇总表 / The prefecture summary of a batch (M7.3)' })
  @ApiReply(C.GetSummary)
  summary(@Req() req: Request, @Param('batchId', ParseUUIDPipe) batchId: string, @Query() query: SummaryQuery) {
    return this.services.call(req, C.GetSummary, { batchId, ...query });
  }

  @Get('summaries/:batchId/table.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: '导出汇总表（Excel） / Export the summary table' })
  @ApiFileReply('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async table(@Req() req: Request, @Res() res: Response, @Param('batchId', ParseUUIDPipe) batchId: string, @Query() query: SummaryQuery) {
    this.send(res, await this.services.call(req, C.ExportSummaryTable, { batchId, ...query }));
  }

  @Get('summaries/:batchId/letter.pdf')
  @Roles(...READERS)
  @ApiOperation({ summary: '导出推荐函（PDF） / Export the recommendation letter' })
  @ApiFileReply('application/pdf')
  async letter(@Req() req: Request, @Res() res: Response, @Param('batchId', ParseUUIDPipe) batchId: string, @Query() query: SummaryQuery) {
    this.send(res, await this.services.call(req, C.ExportRecommendationLetter, { batchId, ...query }));
  }

  @Get('progress/:batchId')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '各盟市进度 / Every prefecture\'s progress (M7.3)' })
  @ApiReply(C.GetPrefectureProgress)
  progress(@Req() req: Request, @Param('batchId', ParseUUIDPipe) batchId: string) {
    return this.services.call(req, C.GetPrefectureProgress, { batchId });
  }

  private send(res: Response, file: ExportedFileV1): void {
    sendFile(res, file);
  }
}
