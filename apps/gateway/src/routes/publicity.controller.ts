import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  CloseDuePublicities,
  DecideBatch,
  DecideBatchV1,
  GetCalendar,
  GetPublicNotice,
  ListApplicantBans,
  ListCandidates,
  ListDecisionLists,
  ListExpertDisqualifications,
  ListInstitutionBans,
  ListPublicNotices,
  ListRecognitions,
  PublishList,
  SetCalendarYear,
  WithdrawDecisionList,
} from '@firstset/contracts';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { BatchQuery, CalendarYearBody, PublishBody, WithdrawListBody } from './bodies';

@ApiTags('公示与认定 Publicity and recognition')
@ApiBearerAuth()
@Controller()
export class PublicityController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('decision-lists/candidates')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '评审完成的申报 / Reviewed applications (M9.1)' })
  @ApiReply(ListCandidates)
  candidates(@Req() req: Request, @Query() query: BatchQuery) {
    return this.services.call(req, ListCandidates, query);
  }

  @Get('decision-lists')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '认定名单及其公示 / Decision lists with their publicity and document' })
  @ApiReply(ListDecisionLists)
  lists(@Req() req: Request, @Query() query: BatchQuery) {
    return this.services.call(req, ListDecisionLists, query);
  }

  @Post('decisions')
  @Roles('department_officer')
  @ApiOperation({ summary: '对本批次评审完成的申请逐项作出认定决定 / Decide every reviewed candidate of a batch (M9.1)' })
  @ApiBody({ type: DecideBatchV1 })
  @ApiReply(DecideBatch, 201)
  decide(@Req() req: Request, @Body() body: DecideBatchV1) {
    return this.services.call(req, DecideBatch, body);
  }

  @Post('decision-lists/:id/publish')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '公示名单 / Publish the list for 5 working days (M9.2)' })
  @ApiBody({ type: PublishBody })
  @ApiReply(PublishList)
  publish(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: PublishBody) {
    return this.services.call(req, PublishList, { decisionListId: id, ...body });
  }

  @Post('decision-lists/:id/withdraw')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '撤回尚未公示的认定名单，重新决定 / Withdraw a decided list before publication; its candidates are decided again (M9.1)' })
  @ApiBody({ type: WithdrawListBody })
  @ApiReply(WithdrawDecisionList)
  withdraw(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawListBody) {
    return this.services.call(req, WithdrawDecisionList, { decisionListId: id, ...body });
  }

  @Post('publicities/close-due')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '结束期满的公示并起草认定文件 / Close every ended publicity and draft its recognition document (M9.3)' })
  @ApiReply(CloseDuePublicities)
  closeDue(@Req() req: Request) {
    return this.services.call(req, CloseDuePublicities, {});
  }

  @Get('public/notices')
  @Public()
  @ApiOperation({ summary: '认定名单公示公告（当前与往期） / Public notices of decided lists, current and past (M9.2)' })
  @ApiReply(ListPublicNotices)
  notices(@Req() req: Request) {
    return this.services.call(req, ListPublicNotices, {});
  }

  @Get('public/notices/:id')
  @Public()
  @ApiOperation({ summary: '公示公告：冻结的名单、哈希、公示期与计算规则 / A public notice: the frozen list, its hash, the period and its rule (M9.2)' })
  @ApiReply(GetPublicNotice)
  notice(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetPublicNotice, { id });
  }

  @Get('public/calendar')
  @Public()
  @ApiOperation({ summary: '工作日历（节假日与调休） / Working-day calendar with its confirmed years' })
  @ApiReply(GetCalendar)
  calendar(@Req() req: Request) {
    return this.services.call(req, GetCalendar, {});
  }

  @Put('calendar/years/:year')
  @Roles('department_officer')
  @ApiOperation({ summary: '录入并确认年度节假日安排 / Enter and confirm a year of the working-day calendar (M9.2)' })
  @ApiBody({ type: CalendarYearBody })
  @ApiReply(SetCalendarYear)
  setCalendarYear(@Req() req: Request, @Param('year', ParseIntPipe) year: number, @Body() body: CalendarYearBody) {
    return this.services.call(req, SetCalendarYear, { year, ...body });
  }
}

/**
 * Compliance's read-only lists. Sanctions are imposed only by deciding a compliance case after a
 * hearing (ADR 0026, compliance-cases.controller.ts); the direct commands are gone.
 */
@ApiTags('监督 Compliance')
@ApiBearerAuth()
@Controller()
export class ComplianceController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('recognitions')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '认定记录 / Recognitions' })
  @ApiReply(ListRecognitions)
  recognitions(@Req() req: Request) {
    return this.services.call(req, ListRecognitions, {});
  }

  @Get('applicant-bans')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '禁止申请名单 / Applicant bans' })
  @ApiReply(ListApplicantBans)
  bans(@Req() req: Request) {
    return this.services.call(req, ListApplicantBans, {});
  }

  @Get('institution-bans')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '机构禁入名单 / Institution bans' })
  @ApiReply(ListInstitutionBans)
  institutionBans(@Req() req: Request) {
    return this.services.call(req, ListInstitutionBans, {});
  }

  @Get('expert-disqualifications')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '被取消资格的专家 / Disqualified experts' })
  @ApiReply(ListExpertDisqualifications)
  disqualifications(@Req() req: Request) {
    return this.services.call(req, ListExpertDisqualifications, {});
  }
}
