import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AnswerObjectionInquiry,
  AskObjectionParty,
  AssessObjection,
  AttachObjectionEvidence,
  AttachInquiryFile,
  AuthorizeObjectionFileDownload,
  DecideObjection,
  FollowObjection,
  GetObjection,
  ListMyInquiries,
  ListObjections,
  ListObjectionsV1,
  LodgeObjection,
  LodgeObjectionV1,
  OBJECTION_RECEIPT_PATTERN,
} from '@firstset/contracts';
import { ObjectStorage } from '@firstset/object-storage';
import { ServiceError } from '@firstset/messaging';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { fileSha256, sendStoredFile } from '../http/send-file';
import { uploadInquiryAttachment } from '../uploads/inquiry-upload';
import { uploadObjectionEvidence } from '../uploads/objection-upload';
import { OBJECT_STORE } from '../uploads/uploads.config';
import { AnswerInquiryBody, AskObjectionPartyBody, AssessObjectionBody, DecideObjectionBody, ObjectorPhoneQuery } from './objections.bodies';

/** A file's SHA-256 in the path that cannot be one: the same 404 as an unknown file. */
const sha256Of = (value: string) => fileSha256(value, () => new ServiceError('OBJECTION_FILE_NOT_FOUND', 404, '未找到该文件 / No such file'));

/** A receipt number in the path that cannot be one: the same 404 as a wrong pair. */
function receiptNoOf(value: string): string {
  if (!OBJECTION_RECEIPT_PATTERN.test(value)) throw new ServiceError('OBJECTION_NOT_FOUND', 404, '未找到该异议 / No such objection');
  return value;
}

/**
 * Objections to a publicized list (M9.2, M9.3; ADR 0025): lodged and followed by anyone without an
 * account (lodging limited per address), handled by the Department, answered by the parties asked.
 */
@ApiTags('公示异议 Objections')
@ApiBearerAuth()
@Controller()
export class ObjectionsController {
  constructor(
    private readonly services: ServiceCaller,
    @Inject(OBJECT_STORE) private readonly store: ObjectStorage,
  ) {}

  @Post('public/objections')
  @Public()
  @ApiOperation({ summary: '对公示名单提出异议（无需登录，每个地址每小时 5 次） / Object to a publicized entry (no sign-in; 5 an hour per address)' })
  @ApiBody({ type: LodgeObjectionV1 })
  @ApiReply(LodgeObjection, 201)
  lodge(@Req() req: Request, @Body() body: LodgeObjectionV1) {
    return this.services.call(req, LodgeObjection, body);
  }

  @Post('public/objections/:receiptNo/attachments')
  @Public()
  @ApiConsumes('application/octet-stream')
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'percent-encoded UTF-8 file name' })
  @ApiOperation({ summary: '补充异议证据（PDF/JPEG/PNG，20 MiB，至多 5 个） / Add a file of evidence (PDF/JPEG/PNG, 20 MiB, at most 5)' })
  @ApiReply(AttachObjectionEvidence, 201)
  attach(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Param('receiptNo') receiptNo: string, @Query() query: ObjectorPhoneQuery) {
    return uploadObjectionEvidence(this.services, this.store, req, res, { receiptNo: receiptNoOf(receiptNo), phone: query.phone });
  }

  @Get('public/objections/:receiptNo')
  @Public()
  @ApiOperation({ summary: '查询异议办理情况（回执号与电话） / Follow an objection (receipt number and phone)' })
  @ApiReply(FollowObjection)
  follow(@Req() req: Request, @Param('receiptNo') receiptNo: string, @Query() query: ObjectorPhoneQuery) {
    return this.services.call(req, FollowObjection, { receiptNo: receiptNoOf(receiptNo), phone: query.phone });
  }

  @Get('objections')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '公示异议 / Objections, by list and status' })
  @ApiReply(ListObjections)
  list(@Req() req: Request, @Query() query: ListObjectionsV1) {
    return this.services.call(req, ListObjections, query);
  }

  @Get('objections/:id')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '异议详情 / One objection with its inquiries' })
  @ApiReply(GetObjection)
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetObjection, { id });
  }

  @Get('objections/:id/files/:sha256')
  @Roles('department_officer')
  @ApiOperation({ summary: '下载异议证据（仅自治区工信厅，留痕） / Download a file of the objector\'s evidence (the Department only; audited)' })
  @ApiFileReply('image/jpeg', 'image/png', 'application/pdf')
  async evidenceFile(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('sha256') sha256: string): Promise<void> {
    await this.sendFile(req, res, { objectionId: id, sha256: sha256Of(sha256) });
  }

  @Get('objections/:id/inquiries/:inquiryId/files/:sha256')
  @Roles('department_officer')
  @ApiOperation({ summary: '下载核查答复附件（仅自治区工信厅，留痕） / Download a file attached to an inquiry\'s answer (the Department only; audited)' })
  @ApiFileReply('image/jpeg', 'image/png', 'application/pdf')
  async answerFile(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('inquiryId', ParseUUIDPipe) inquiryId: string,
    @Param('sha256') sha256: string,
  ): Promise<void> {
    await this.sendFile(req, res, { objectionId: id, inquiryId, sha256: sha256Of(sha256) });
  }

  /** Authorized and audited by publicity, then streamed from the store as an attachment. */
  private async sendFile(req: Request, res: Response, ref: { objectionId: string; inquiryId?: string; sha256: string }): Promise<void> {
    const grant = await this.services.call(req, AuthorizeObjectionFileDownload, ref);
    await sendStoredFile(this.store, res, grant);
  }

  @Post('objections/:id/assessment')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '受理审查：不予受理或调查核实 / Assess: inadmissible, or investigate (M9.3)' })
  @ApiBody({ type: AssessObjectionBody })
  @ApiReply(AssessObjection)
  assess(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssessObjectionBody) {
    return this.services.call(req, AssessObjection, { objectionId: id, ...body });
  }

  @Post('objections/:id/inquiries')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '向盟市、机构或企业核查 / Ask the prefecture, the institution or the enterprise' })
  @ApiBody({ type: AskObjectionPartyBody })
  @ApiReply(AskObjectionParty)
  ask(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: AskObjectionPartyBody) {
    return this.services.call(req, AskObjectionParty, { objectionId: id, ...body });
  }

  @Post('objections/:id/decision')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '异议成立或不成立 / Uphold or dismiss the objection (M9.3)' })
  @ApiBody({ type: DecideObjectionBody })
  @ApiReply(DecideObjection)
  decide(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: DecideObjectionBody) {
    return this.services.call(req, DecideObjection, { objectionId: id, ...body });
  }

  @Get('objection-inquiries')
  @Roles('prefecture_officer', 'institution_staff', 'enterprise')
  @ApiOperation({ summary: '异议核查问询（本单位） / Questions about objections put to my prefecture, institution or enterprise' })
  @ApiReply(ListMyInquiries)
  inquiries(@Req() req: Request) {
    return this.services.call(req, ListMyInquiries, {});
  }

  @Post('objection-inquiries/:id/attachments')
  @Roles('prefecture_officer', 'institution_staff', 'enterprise')
  @ApiConsumes('application/octet-stream')
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'percent-encoded UTF-8 file name' })
  @ApiOperation({ summary: '为核查答复上传附件（PDF/JPEG/PNG，20 MiB，至多 5 个，答复前） / Attach a file to the answer before answering (PDF/JPEG/PNG, 20 MiB, at most 5)' })
  @ApiReply(AttachInquiryFile, 201)
  attachToAnswer(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Param('id', ParseUUIDPipe) id: string) {
    return uploadInquiryAttachment(this.services, this.store, req, res, { inquiryId: id });
  }

  @Post('objection-inquiries/:id/answer')
  @HttpCode(200)
  @Roles('prefecture_officer', 'institution_staff', 'enterprise')
  @ApiOperation({ summary: '答复异议核查 / Answer a question about an objection' })
  @ApiBody({ type: AnswerInquiryBody })
  @ApiReply(AnswerObjectionInquiry)
  answer(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: AnswerInquiryBody) {
    return this.services.call(req, AnswerObjectionInquiry, { inquiryId: id, ...body });
  }
}
