import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ExportBatchReport,
  ExportReviewReport,
  GetReviewReport,
  ListBatchReports,
  SaveBatchReport,
  SaveReviewReport,
  SignOffBatchReport,
  SignOffReviewReport,
  type ExportedFileV1,
  type ReportFormat,
} from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { contentDisposition } from '../uploads/file-name';
import { BatchQuery } from './bodies';
import { BatchReportBody, BatchReportExportQuery, ReviewReportBody, SignOffBody } from './review-reports.bodies';

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function send(res: Response, file: ExportedFileV1): void {
  const body = Buffer.from(file.base64, 'base64');
  res.status(200).setHeader('Content-Type', file.contentType).setHeader('Content-Disposition', contentDisposition(file.fileName)).setHeader('Content-Length', body.length).end(body);
}

/**
 * The institution's comprehensive review reports (M8.1, M9.1): per case (drafted, signed off, which
 * concludes the review and delivers the report to the Department) and per batch; their exports.
 */
@ApiTags('综合评审 Comprehensive review')
@ApiBearerAuth()
@Controller()
export class ReviewReportsController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('reviews/:id/report')
  @Roles('institution_staff', 'department_officer', 'auditor')
  @ApiOperation({ summary: '综合评审报告（机构为草稿，厅为已签发） / The review report (the institution its draft, the Department once signed off)' })
  @ApiReply(GetReviewReport)
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetReviewReport, { applicationId: id });
  }

  @Put('reviews/:id/report')
  @Roles('institution_staff')
  @ApiOperation({ summary: '保存评审报告草稿 / Save the report\'s recommendation and reasons (M9.1)' })
  @ApiBody({ type: ReviewReportBody })
  @ApiReply(SaveReviewReport)
  save(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReviewReportBody) {
    return this.services.call(req, SaveReviewReport, { applicationId: id, ...body });
  }

  @Post('reviews/:id/report/sign-off')
  @HttpCode(200)
  @Roles('institution_staff')
  @ApiOperation({ summary: '签发评审报告（完成综合评审并报送工信厅） / Sign off the report: concludes the review, delivers it (M8.1, M9.1)' })
  @ApiBody({ type: SignOffBody })
  @ApiReply(SignOffReviewReport)
  signOff(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: SignOffBody) {
    return this.services.call(req, SignOffReviewReport, { applicationId: id, expectedVersion: body.expectedVersion });
  }

  @Get('reviews/:id/report.pdf')
  @Roles('institution_staff', 'department_officer', 'auditor')
  @ApiOperation({ summary: '评审报告（PDF） / The review report as PDF' })
  @ApiFileReply(PDF)
  async pdf(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    send(res, await this.exportReview(req, id, 'pdf'));
  }

  @Get('reviews/:id/report.xlsx')
  @Roles('institution_staff', 'department_officer', 'auditor')
  @ApiOperation({ summary: '评审报告（Excel） / The review report as XLSX' })
  @ApiFileReply(XLSX)
  async xlsx(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    send(res, await this.exportReview(req, id, 'xlsx'));
  }

  @Get('batch-reports')
  @Roles('institution_staff', 'department_officer', 'auditor')
  @ApiOperation({ summary: '批次评审报告（机构为本机构的，厅为已签发的） / Batch reports (the institution its own, the Department those signed off)' })
  @ApiReply(ListBatchReports)
  batches(@Req() req: Request, @Query() query: BatchQuery) {
    return this.services.call(req, ListBatchReports, query);
  }

  @Put('batch-reports/:batchId')
  @Roles('institution_staff')
  @ApiOperation({ summary: '保存批次评审报告草稿 / Save the batch report\'s remarks' })
  @ApiBody({ type: BatchReportBody })
  @ApiReply(SaveBatchReport)
  saveBatch(@Req() req: Request, @Param('batchId', ParseUUIDPipe) batchId: string, @Body() body: BatchReportBody) {
    return this.services.call(req, SaveBatchReport, { batchId, ...body });
  }

  @Post('batch-reports/:batchId/sign-off')
  @HttpCode(200)
  @Roles('institution_staff')
  @ApiOperation({ summary: '签发批次评审报告（各申报报告均已签发） / Sign off the batch report once every case\'s report is (M9.1)' })
  @ApiBody({ type: SignOffBody })
  @ApiReply(SignOffBatchReport)
  signOffBatch(@Req() req: Request, @Param('batchId', ParseUUIDPipe) batchId: string, @Body() body: SignOffBody) {
    return this.services.call(req, SignOffBatchReport, { batchId, expectedVersion: body.expectedVersion });
  }

  @Get('batch-reports/:batchId/report.pdf')
  @Roles('institution_staff', 'department_officer', 'auditor')
  @ApiOperation({ summary: '批次评审报告（PDF） / The batch report as PDF' })
  @ApiFileReply(PDF)
  async batchPdf(@Req() req: Request, @Res() res: Response, @Param('batchId', ParseUUIDPipe) batchId: string, @Query() query: BatchReportExportQuery) {
    send(res, await this.services.call(req, ExportBatchReport, { batchId, format: 'pdf', ...query }));
  }

  @Get('batch-reports/:batchId/report.xlsx')
  @Roles('institution_staff', 'department_officer', 'auditor')
  @ApiOperation({ summary: '批次评审报告（Excel） / The batch report as XLSX' })
  @ApiFileReply(XLSX)
  async batchXlsx(@Req() req: Request, @Res() res: Response, @Param('batchId', ParseUUIDPipe) batchId: string, @Query() query: BatchReportExportQuery) {
    send(res, await this.services.call(req, ExportBatchReport, { batchId, format: 'xlsx', ...query }));
  }

  private exportReview(req: Request, applicationId: string, format: ReportFormat) {
    return this.services.call(req, ExportReviewReport, { applicationId, format });
  }
}
