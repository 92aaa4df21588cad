import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  ConcludeTrackingEvaluation,
  GetTrackingEvaluation,
  ListTrackableRecognitions,
  ListTrackableRecognitionsV1,
  ListTrackingEvaluations,
  ListTrackingEvaluationsV1,
  RequestTrackingReport,
  RequestTrackingReportV1,
  SubmitTrackingReport,
  SummarizeTrackingEvaluations,
  SummarizeTrackingEvaluationsV1,
} from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { ConcludeTrackingBody, SubmitTrackingReportBody } from './tracking-evaluations.bodies';

const READERS = ['department_officer', 'auditor', 'prefecture_officer', 'enterprise'] as const;

/**
 * Tracking evaluation (跟踪评价, M12.2; ADR 0026): the prefecture requests the enterprise's yearly
 * report on a recognized product of its area and concludes; the enterprise reports; the
 * Department and the auditor read across prefectures. The prefecture is the officer's own (its
 * token), never a parameter.
 */
@ApiTags('跟踪评价 Tracking evaluation')
@ApiBearerAuth()
@Controller('tracking-evaluations')
export class TrackingEvaluationsController {
  constructor(private readonly services: ServiceCaller) {}

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
}
