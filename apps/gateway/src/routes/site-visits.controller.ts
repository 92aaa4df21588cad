import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AnswerSiteFinding,
  AttachSiteEvidence,
  AuthorizeSiteEvidenceDownload,
  CancelSiteVisit,
  ConcludeSiteVisit,
  ListSiteVisits,
  RecordSiteFinding,
  ScheduleSiteVisit,
  UpdateSiteVisit,
} from '@firstset/contracts';
import { ObjectStorage } from '@firstset/object-storage';
import { Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { sendStoredFile } from '../http/send-file';
import { uploadSiteEvidence } from '../uploads/site-evidence-upload';
import { OBJECT_STORE } from '../uploads/uploads.config';
import { SiteAnswerBody, SiteConclusionBody, SiteFindingBody, SiteVisitCancelBody, SiteVisitPlanBody, SiteVisitUpdateBody } from './site-visits.bodies';

/**
 * On-site verification (现场核查, issue 17 item 5, M8.2): the institution schedules, revises or
 * cancels a visit, records findings with photos and documents, concludes; the applicant sees the
 * notice and, after the conclusion, answers the findings; the panel and the Department read.
 */
@ApiTags('现场核查 On-site verification')
@ApiBearerAuth()
@Controller()
export class SiteVisitsController {
  constructor(
    private readonly services: ServiceCaller,
    @Inject(OBJECT_STORE) private readonly store: ObjectStorage,
  ) {}

  @Get('reviews/:id/site-visits')
  @Roles('department_officer', 'auditor', 'institution_staff', 'expert')
  @ApiOperation({ summary: '评审中申报的现场核查 / The on-site verifications of an application in review' })
  @ApiReply(ListSiteVisits)
  list(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, ListSiteVisits, { applicationId: id });
  }

  @Get('applications/:id/site-visits')
  @Roles('enterprise')
  @ApiOperation({ summary: '本企业申报的现场核查通知与核查情况 / The visits to the applicant: notice, and the findings once concluded' })
  @ApiReply(ListSiteVisits)
  listForApplicant(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, ListSiteVisits, { applicationId: id });
  }

  @Post('reviews/:id/site-visits')
  @Roles('institution_staff')
  @ApiOperation({ summary: '安排现场核查 / Schedule an on-site verification (M8.2)' })
  @ApiBody({ type: SiteVisitPlanBody })
  @ApiReply(ScheduleSiteVisit, 201)
  schedule(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: SiteVisitPlanBody) {
    return this.services.call(req, ScheduleSiteVisit, { ...body, applicationId: id });
  }

  @Patch('site-visits/:visitId')
  @Roles('institution_staff')
  @ApiOperation({ summary: '变更现场核查安排 / Revise a scheduled visit (expectedVersion)' })
  @ApiBody({ type: SiteVisitUpdateBody })
  @ApiReply(UpdateSiteVisit)
  update(@Req() req: Request, @Param('visitId', ParseUUIDPipe) visitId: string, @Body() body: SiteVisitUpdateBody) {
    return this.services.call(req, UpdateSiteVisit, { ...body, visitId });
  }

  @Post('site-visits/:visitId/cancel')
  @HttpCode(200)
  @Roles('institution_staff')
  @ApiOperation({ summary: '取消现场核查 / Cancel a scheduled visit with a reason' })
  @ApiBody({ type: SiteVisitCancelBody })
  @ApiReply(CancelSiteVisit)
  cancel(@Req() req: Request, @Param('visitId', ParseUUIDPipe) visitId: string, @Body() body: SiteVisitCancelBody) {
    return this.services.call(req, CancelSiteVisit, { ...body, visitId });
  }

  @Post('site-visits/:visitId/findings')
  @Roles('institution_staff')
  @ApiOperation({ summary: '记录核查情况 / Record a finding (item, result, description)' })
  @ApiBody({ type: SiteFindingBody })
  @ApiReply(RecordSiteFinding, 201)
  record(@Req() req: Request, @Param('visitId', ParseUUIDPipe) visitId: string, @Body() body: SiteFindingBody) {
    return this.services.call(req, RecordSiteFinding, { ...body, visitId });
  }

  @Post('site-visits/:visitId/findings/:findingId/evidence')
  @Roles('institution_staff', 'enterprise')
  @ApiConsumes('application/octet-stream')
  @ApiHeader({ name: 'X-File-Name', required: true, description: 'percent-encoded UTF-8 file name' })
  @ApiOperation({ summary: '上传核查佐证（照片、文件）或答复附件 / Upload a photo or document: the institution\'s evidence, or the applicant\'s for its answer; the body is the file' })
  @ApiReply(AttachSiteEvidence, 201)
  evidence(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('visitId', ParseUUIDPipe) visitId: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
  ) {
    return uploadSiteEvidence(this.services, this.store, req, res, { visitId, findingId });
  }

  @Get('site-visits/:visitId/findings/:findingId/evidence/:evidenceId')
  @ApiOperation({ summary: '下载核查佐证 / Download a piece of evidence (authorized and audited)' })
  @ApiFileReply('image/jpeg', 'image/png', 'application/pdf')
  async download(
    @Req() req: Request,
    @Res() res: Response,
    @Param('visitId', ParseUUIDPipe) visitId: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Param('evidenceId', ParseUUIDPipe) evidenceId: string,
  ): Promise<void> {
    const grant = await this.services.call(req, AuthorizeSiteEvidenceDownload, { visitId, findingId, evidenceId });
    await sendStoredFile(this.store, res, grant);
  }

  @Post('site-visits/:visitId/conclude')
  @HttpCode(200)
  @Roles('institution_staff')
  @ApiOperation({ summary: '作出现场核查结论 / Conclude the visit (at least one finding)' })
  @ApiBody({ type: SiteConclusionBody })
  @ApiReply(ConcludeSiteVisit)
  conclude(@Req() req: Request, @Param('visitId', ParseUUIDPipe) visitId: string, @Body() body: SiteConclusionBody) {
    return this.services.call(req, ConcludeSiteVisit, { ...body, visitId });
  }

  @Post('site-visits/:visitId/findings/:findingId/answer')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '答复核查情况 / The applicant answers a finding of a concluded visit' })
  @ApiBody({ type: SiteAnswerBody })
  @ApiReply(AnswerSiteFinding)
  answer(
    @Req() req: Request,
    @Param('visitId', ParseUUIDPipe) visitId: string,
    @Param('findingId', ParseUUIDPipe) findingId: string,
    @Body() body: SiteAnswerBody,
  ) {
    return this.services.call(req, AnswerSiteFinding, { ...body, visitId, findingId });
  }
}
