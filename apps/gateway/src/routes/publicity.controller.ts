import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  CloseDuePublicities,
  DecideList,
  DecideListV1,
  DisqualifyExpert,
  DisqualifyExpertV1,
  GetCalendar,
  ImposeInstitutionBan,
  ImposeInstitutionBanV1,
  ListApplicantBans,
  ListCandidates,
  ListDecisionLists,
  ListExpertDisqualifications,
  ListInstitutionBans,
  ListPublicRecognitions,
  ListRecognitions,
  PublishList,
  RevokeRecognition,
  SetCalendarYear,
} from '@firstset/contracts';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { BatchQuery, CalendarYearBody, PublishBody, RevokeBody } from './bodies';

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

  @Post('decision-lists')
  @Roles('department_officer')
  @ApiOperation({ summary: '确定认定名单 / Decide the list (M9.1)' })
  @ApiBody({ type: DecideListV1 })
  @ApiReply(DecideList, 201)
  decide(@Req() req: Request, @Body() body: DecideListV1) {
    return this.services.call(req, DecideList, body);
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

  @Post('publicities/close-due')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '公示期满发文认定 / Close ended publicities and issue recognitions (M9.3)' })
  @ApiReply(CloseDuePublicities)
  closeDue(@Req() req: Request) {
    return this.services.call(req, CloseDuePublicities, {});
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

  @Get('public/recognitions')
  @Public()
  @ApiOperation({ summary: '已认定产品名录（公开） / Public registry of recognized products (M13.1)' })
  @ApiReply(ListPublicRecognitions)
  registry(@Req() req: Request) {
    return this.services.call(req, ListPublicRecognitions, {});
  }
}

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

  @Post('recognitions/:id/revoke')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '撤销认定并禁止三年内申请 / Revoke and ban the applicant (M10.2)' })
  @ApiBody({ type: RevokeBody })
  @ApiReply(RevokeRecognition)
  revoke(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: RevokeBody) {
    return this.services.call(req, RevokeRecognition, { recognitionId: id, ...body });
  }

  @Get('applicant-bans')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '禁止申请名单 / Applicant bans' })
  @ApiReply(ListApplicantBans)
  bans(@Req() req: Request) {
    return this.services.call(req, ListApplicantBans, {});
  }

  @Post('institution-bans')
  @Roles('department_officer')
  @ApiOperation({ summary: '第三方机构三年内不得参与认定工作 / Ban an institution after a major error (M10.3)' })
  @ApiBody({ type: ImposeInstitutionBanV1 })
  @ApiReply(ImposeInstitutionBan, 201)
  banInstitution(@Req() req: Request, @Body() body: ImposeInstitutionBanV1) {
    return this.services.call(req, ImposeInstitutionBan, body);
  }

  @Get('institution-bans')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '机构禁入名单 / Institution bans' })
  @ApiReply(ListInstitutionBans)
  institutionBans(@Req() req: Request) {
    return this.services.call(req, ListInstitutionBans, {});
  }

  @Post('expert-disqualifications')
  @Roles('department_officer')
  @ApiOperation({ summary: '取消专家资格 / Disqualify an expert (M11.2)' })
  @ApiBody({ type: DisqualifyExpertV1 })
  @ApiReply(DisqualifyExpert, 201)
  disqualify(@Req() req: Request, @Body() body: DisqualifyExpertV1) {
    return this.services.call(req, DisqualifyExpert, body);
  }

  @Get('expert-disqualifications')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '被取消资格的专家 / Disqualified experts' })
  @ApiReply(ListExpertDisqualifications)
  disqualifications(@Req() req: Request) {
    return this.services.call(req, ListExpertDisqualifications, {});
  }
}
