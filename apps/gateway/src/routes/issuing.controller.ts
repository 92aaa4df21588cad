import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ClosePublicity, ExportCertificatePdf, ExportRecognitionDocumentPdf, IssueRecognitionDocument, ListIssuing } from '@firstset/contracts';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { sendFile } from '../http/send-file';
import { BatchQuery, IssueDocumentBody } from './bodies';

/**
 * Closing a publicity and issuing its recognition documents (M9.3; ADR 0025). The Department
 * previews a draft and downloads an issued document; an issued document is public (it is published,
 * like the notice), a draft never; a certificate is its enterprise's and the officers'.
 */
@ApiTags('认定发文 Issuing')
@ApiBearerAuth()
@Controller()
export class IssuingController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('issuing')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '认定发文：各公示的认定文件与仍被异议暂缓的条目 / Issuing: each publicity\'s documents and the entries still held (M9.3)' })
  @ApiReply(ListIssuing)
  list(@Req() req: Request, @Query() query: BatchQuery) {
    return this.services.call(req, ListIssuing, query);
  }

  @Post('publicities/:id/close')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '公示期满结束公示并起草认定文件 / Close an ended publicity and draft its recognition document (M9.3)' })
  @ApiReply(ClosePublicity)
  close(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, ClosePublicity, { publicityId: id });
  }

  @Post('recognition-documents/:id/issue')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '印发认定文件：编号、成文日期与证书编号于此时生成 / Issue a recognition document: its number, date and certificates are taken now (M9.3, M13.2)' })
  @ApiBody({ type: IssueDocumentBody })
  @ApiReply(IssueRecognitionDocument)
  issue(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: IssueDocumentBody) {
    return this.services.call(req, IssueRecognitionDocument, { documentId: id, ...body });
  }

  @Get('recognition-documents/:id/document.pdf')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '认定文件 PDF（草稿预览或已印发） / The document as PDF: a draft\'s preview or the issued one (M9.3)' })
  @ApiFileReply('application/pdf')
  async documentPdf(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    sendFile(res, await this.services.call(req, ExportRecognitionDocumentPdf, { documentId: id }));
  }

  @Get('public/recognition-documents/:id/document.pdf')
  @Public()
  @ApiOperation({ summary: '已印发的认定文件 PDF（公开） / An issued recognition document as PDF, public (M9.3)' })
  @ApiFileReply('application/pdf')
  async publicDocumentPdf(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    sendFile(res, await this.services.call(req, ExportRecognitionDocumentPdf, { documentId: id, issuedOnly: true }));
  }

  @Get('applications/:id/certificate.pdf')
  @Roles('enterprise', 'department_officer', 'auditor')
  @ApiOperation({ summary: '认定证书 PDF（含查验二维码） / The recognition certificate with its verification QR code (M9.3, M13.1)' })
  @ApiFileReply('application/pdf')
  async certificate(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    sendFile(res, await this.services.call(req, ExportCertificatePdf, { applicationId: id }));
  }
}
