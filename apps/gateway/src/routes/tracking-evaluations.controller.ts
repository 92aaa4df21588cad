import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AttachTrackingFile,
  AuthorizeTrackingAttachmentUpload,
  AuthorizeTrackingFileDownload,
  ConcludeTrackingEvaluation,
  GetTrackingEvaluation,
  ListTrackableRecognitions,
  ListTrackableRecognitionsV1,
  ListTrackingEvaluations,
  ListTrackingEvaluationsV1,
  RemoveTrackingFile,
  RequestTrackingReport,
  RequestTrackingReportV1,
  SubmitTrackingReport,
  SummarizeTrackingEvaluations,
  SummarizeTrackingEvaluationsV1,
} from '@firstset/contracts';
import { ServiceError } from '@firstset/messaging';
import { ObjectStorage } from '@firstset/object-storage';
import { Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { fileSha256, sendStoredFile } from '../http/send-file';
import { ServiceCaller } from '../http/service-caller';
import { uploadAttachment } from '../uploads/attachment-upload';
import { OBJECT_STORE } from '../uploads/uploads.config';
import { ConcludeTrackingBody, SubmitTrackingReportBody } from './tracking-evaluations.bodies';

const READERS = ['department_officer', 'auditor', 'prefecture_officer', 'enterprise'] as const;

/** A file's SHA-256 in the path that cannot be one: the same 404 as an unknown file. */
const sha256Of = (value: string) => fileSha256(value, () => new ServiceError('TRACKING_FILE_NOT_FOUND', 404, '未找到该文件 / No such file'));

/**
 * Tracking evaluation (跟踪评价, M12.2; ADR 0026): the prefecture requests the enterprise's yearly
 * report on a recognized product of its area and concludes; the enterprise reports, with files
 * attached before (streamed and inspected like materials); whoever reads an evaluation downloads
 * its files, audited; the Department and the auditor read across prefectures. The prefecture is the officer's own (its
 * token), never a parameter.
 */
@ApiTags('跟踪评价 Tracking evaluation')
@ApiBearerAuth()
@Controller('tracking-evaluations')
export class TrackingEvaluationsController {
  constructor(
    private readonly services: ServiceCaller,
    @Inject(OBJECT_STORE) private readonly store: ObjectStorage,
  ) {}

  @Get('recognitions')
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '本盟市有效期内的认定产品及当年跟踪评价 / My prefecture\'s valid recognized products with the year\'s evaluation' })
  @ApiReply(ListTrackableRecognitions)
  recognitions(@Req() req: Request, @Query() query: ListTrackableRecognitionsV1) {
    return this.services.call(req, ListTrackableRecognitions, query);
  }

  @Post()
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '发起年度跟踪评价，要求企业限期报送 / Request the enterprise\'s yearly report by a due date' })
  @ApiBody({ type: RequestTrackingReportV1 })
  @ApiReply(RequestTrackingReport, 201)
  request(@Req() req: Request, @Body() body: RequestTrackingReportV1) {
    return this.services.call(req, RequestTrackingReport, body);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: '跟踪评价（盟市见本地区，企业见本企业，工信厅和审计见全部） / Tracking evaluations, scoped to the reader' })
  @ApiReply(ListTrackingEvaluations)
  list(@Req() req: Request, @Query() query: ListTrackingEvaluationsV1) {
    return this.services.call(req, ListTrackingEvaluations, query);
  }

  @Get('summary')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '各盟市当年跟踪评价情况 / The year\'s tracking evaluation by prefecture' })
  @ApiReply(SummarizeTrackingEvaluations)
  summary(@Req() req: Request, @Query() query: SummarizeTrackingEvaluationsV1) {
    return this.services.call(req, SummarizeTrackingEvaluations, query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: '跟踪评价详情 / One tracking evaluation' })
  @ApiReply(GetTrackingEvaluation)
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetTrackingEvaluation, { evaluationId: id });
  }

  @Post(':id/report')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '企业报送跟踪评价报告（一次，截止日期前） / The enterprise reports, once, by the due date' })
  @ApiBody({ type: SubmitTrackingReportBody })
  @ApiReply(SubmitTrackingReport)
  report(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitTrackingReportBody) {
    return this.services.call(req, SubmitTrackingReport, { evaluationId: id, ...body });
  }

  @Post(':id/conclusion')
  @HttpCode(200)
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '盟市作出跟踪评价结论 / The prefecture concludes the evaluation' })
  @ApiBody({ type: ConcludeTrackingBody })
  @ApiReply(ConcludeTrackingEvaluation)
  conclude(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ConcludeTrackingBody) {
    return this.services.call(req, ConcludeTrackingEvaluation, { evaluationId: id, ...body });
  }

  @Post(':id/attachments')
  @Roles('enterprise')
  @ApiConsumes('application/octet-stream')
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'percent-encoded UTF-8 file name' })
  @ApiOperation({
    summary: '为跟踪评价报告上传附件（PDF/JPEG/PNG，20 MiB，至多 5 个，报送前、截止日期前） / Attach a file to the tracking report before reporting and by the due date (PDF/JPEG/PNG, 20 MiB, at most 5)',
  })
  @ApiReply(AttachTrackingFile, 201)
  attach(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Param('id', ParseUUIDPipe) id: string) {
    return uploadAttachment(this.services, this.store, req, res, { authorize: AuthorizeTrackingAttachmentUpload, attach: AttachTrackingFile }, { evaluationId: id });
  }

  @Get(':id/files/:sha256')
  @Roles(...READERS)
  @ApiOperation({ summary: '下载跟踪评价报告附件（留痕） / Download a file of the tracking report (whoever reads the evaluation; audited)' })
  @ApiFileReply('image/jpeg', 'image/png', 'application/pdf')
  async file(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('sha256') sha256: string): Promise<void> {
    const grant = await this.services.call(req, AuthorizeTrackingFileDownload, { evaluationId: id, sha256: sha256Of(sha256) });
    await sendStoredFile(this.store, res, grant);
  }

  @Delete(':id/files/:sha256')
  @Roles('enterprise')
  @ApiOperation({ summary: '删除跟踪评价报告附件（报送前） / Remove a file from the tracking report before reporting' })
  @ApiReply(RemoveTrackingFile)
  removeFile(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Param('sha256') sha256: string) {
    return this.services.call(req, RemoveTrackingFile, { evaluationId: id, sha256: sha256Of(sha256) });
  }
}
