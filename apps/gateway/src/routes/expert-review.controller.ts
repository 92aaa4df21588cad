import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  AcceptAssignment,
  CallConsensusRound,
  ConcludeConsensusRound,
  GetApplication,
  GetComprehensiveReview,
  ListApplicationVersions,
  RecuseAssignment,
  ScoreApplication,
} from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { AcceptAssignmentBody, ConsensusCallBody, ConsensusOutcomeBody, RecusalBody, RubricScoreBody } from './expert-review.bodies';

/**
 * The expert's review of one application (issue 17, M8.1, M11.1): the undertaking with the
 * conflict confirmation, the application and its versions once accepted, the rubric scores,
 * recusal; and the institution's case view with divergence and consensus rounds.
 */
@ApiTags('综合评审 Comprehensive review')
@ApiBearerAuth()
@Controller()
export class ExpertReviewController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('reviews/:id/case')
  @Roles('department_officer', 'institution_staff', 'expert', 'auditor')
  @ApiOperation({ summary: '评审中的一件申报（评分细则、各专家评分、分歧、合议） / One application in review: rubric, scores, divergence, consensus rounds' })
  @ApiReply(GetComprehensiveReview)
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetComprehensiveReview, { applicationId: id });
  }

  @Get('reviews/:id/application')
  @Roles('institution_staff', 'expert')
  @ApiOperation({ summary: '评审专家查阅申报（签署承诺后） / The application, for its reviewers once the undertaking is signed (M11.1)' })
  @ApiReply(GetApplication)
  application(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetApplication, { applicationId: id });
  }

  @Get('reviews/:id/application/versions')
  @Roles('institution_staff', 'expert')
  @ApiOperation({ summary: '评审专家查阅历次提交版本 / The submitted versions, for the reviewers (M11.1)' })
  @ApiReply(ListApplicationVersions)
  versions(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, ListApplicationVersions, { applicationId: id });
  }

  @Post('reviews/:id/accept')
  @HttpCode(200)
  @Roles('expert')
  @ApiOperation({ summary: '签署保密与回避承诺并确认无利益冲突，或申明冲突并回避 / Sign the undertaking and confirm no conflict, or declare one (M11.1)' })
  @ApiBody({ type: AcceptAssignmentBody })
  @ApiReply(AcceptAssignment)
  accept(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: AcceptAssignmentBody) {
    return this.services.call(req, AcceptAssignment, { ...body, applicationId: id });
  }

  @Post('reviews/:id/score')
  @HttpCode(200)
  @Roles('expert')
  @ApiOperation({ summary: '按评分细则评分 / Score the application on the rubric (M8.1)' })
  @ApiBody({ type: RubricScoreBody })
  @ApiReply(ScoreApplication)
  score(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: RubricScoreBody) {
    return this.services.call(req, ScoreApplication, { ...body, applicationId: id });
  }

  @Post('reviews/:id/recuse')
  @HttpCode(200)
  @Roles('expert')
  @ApiOperation({ summary: '申请回避 / Recuse from the assignment (M11.1)' })
  @ApiBody({ type: RecusalBody })
  @ApiReply(RecuseAssignment)
  recuse(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: RecusalBody) {
    return this.services.call(req, RecuseAssignment, { ...body, applicationId: id });
  }

  @Post('reviews/:id/consensus-rounds')
  @Roles('institution_staff')
  @ApiOperation({ summary: '召开合议 / Call a consensus round on a divergent application (M8.1)' })
  @ApiBody({ type: ConsensusCallBody })
  @ApiReply(CallConsensusRound, 201)
  callRound(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ConsensusCallBody) {
    return this.services.call(req, CallConsensusRound, { ...body, applicationId: id });
  }

  @Post('reviews/:id/consensus-rounds/conclude')
  @HttpCode(200)
  @Roles('institution_staff')
  @ApiOperation({ summary: '结束合议并记录结论 / Conclude the consensus round with its outcome (M8.1)' })
  @ApiBody({ type: ConsensusOutcomeBody })
  @ApiReply(ConcludeConsensusRound)
  concludeRound(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ConsensusOutcomeBody) {
    return this.services.call(req, ConcludeConsensusRound, { ...body, applicationId: id });
  }
}
