import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  ChangeSanction,
  DecideComplianceCase,
  DropComplianceCase,
  GetComplianceCase,
  ListComplianceCases,
  ListComplianceCasesV1,
  ListPublicSanctions,
  ListSanctions,
  ListSanctionsV1,
  NotifyComplianceParty,
  OpenComplianceCase,
  OpenComplianceCaseV1,
  StateComplianceCase,
} from '@firstset/contracts';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { ChangeSanctionBody, DecideCaseBody, DropCaseBody, NotifyPartyBody, StateCaseBody } from './compliance-cases.bodies';

const PARTIES = ['enterprise', 'institution_staff', 'expert'] as const;

/**
 * Compliance cases and the sanction registry (ADR 0026; M10.2, M10.3, M11.2): the Department opens,
 * notifies, hears and decides; the party reads its case and states its own; the public reads the
 * sanctions in force.
 */
@ApiTags('违规处理 Compliance cases and sanctions')
@ApiBearerAuth()
@Controller()
export class ComplianceCasesController {
  constructor(private readonly services: ServiceCaller) {}

  @Post('compliance-cases')
  @Roles('department_officer')
  @ApiOperation({ summary: '立案（拟撤销认定、机构禁入或取消专家资格） / Open a case (revocation, institution ban, disqualification)' })
  @ApiBody({ type: OpenComplianceCaseV1 })
  @ApiReply(OpenComplianceCase, 201)
  open(@Req() req: Request, @Body() body: OpenComplianceCaseV1) {
    return this.services.call(req, OpenComplianceCase, body);
  }

  @Get('compliance-cases')
  @Roles('department_officer', 'auditor', ...PARTIES)
  @ApiOperation({ summary: '违规处理案件（当事人只见本方已告知的案件） / Compliance cases (a party sees its own once notified)' })
  @ApiReply(ListComplianceCases)
  list(@Req() req: Request, @Query() query: ListComplianceCasesV1) {
    return this.services.call(req, ListComplianceCases, query);
  }

  @Get('compliance-cases/:id')
  @Roles('department_officer', 'auditor', ...PARTIES)
  @ApiOperation({ summary: '案件详情 / One case' })
  @ApiReply(GetComplianceCase)
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetComplianceCase, { caseId: id });
  }

  @Post('compliance-cases/:id/notice')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '告知拟处理措施及陈述申辩期限 / Notify the party of the intended measure and its deadline' })
  @ApiBody({ type: NotifyPartyBody })
  @ApiReply(NotifyComplianceParty)
  notify(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: NotifyPartyBody) {
    return this.services.call(req, NotifyComplianceParty, { caseId: id, ...body });
  }

  @Post('compliance-cases/:id/statement')
  @HttpCode(200)
  @Roles('department_officer', ...PARTIES)
  @ApiOperation({ summary: '陈述、申辩（或放弃） / State the case, or waive it' })
  @ApiBody({ type: StateCaseBody })
  @ApiReply(StateComplianceCase)
  state(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: StateCaseBody) {
    return this.services.call(req, StateComplianceCase, { caseId: id, ...body });
  }

  @Post('compliance-cases/:id/decision')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '作出处理决定 / Decide the case' })
  @ApiBody({ type: DecideCaseBody })
  @ApiReply(DecideComplianceCase)
  decide(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: DecideCaseBody) {
    return this.services.call(req, DecideComplianceCase, { caseId: id, ...body });
  }

  @Post('compliance-cases/:id/drop')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '撤案 / Drop the case' })
  @ApiBody({ type: DropCaseBody })
  @ApiReply(DropComplianceCase)
  drop(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: DropCaseBody) {
    return this.services.call(req, DropComplianceCase, { caseId: id, ...body });
  }

  @Get('sanctions')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '处理记录（含历史） / The sanction registry with history' })
  @ApiReply(ListSanctions)
  sanctions(@Req() req: Request, @Query() query: ListSanctionsV1) {
    return this.services.call(req, ListSanctions, query);
  }

  @Post('sanctions/:id/changes')
  @HttpCode(200)
  @Roles('department_officer')
  @ApiOperation({ summary: '暂停、恢复、提前解除、撤销或维持 / Suspend, resume, lift, set aside or uphold' })
  @ApiBody({ type: ChangeSanctionBody })
  @ApiReply(ChangeSanction)
  change(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeSanctionBody) {
    return this.services.call(req, ChangeSanction, { sanctionId: id, ...body });
  }

  @Get('public/sanctions')
  @Public()
  @ApiOperation({ summary: '正在执行的处理（公开） / Sanctions in force (public)' })
  @ApiReply(ListPublicSanctions)
  inForce(@Req() req: Request) {
    return this.services.call(req, ListPublicSanctions, {});
  }
}
