import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { IsOptional, IsUUID } from 'class-validator';
import { AdjustPanelSeat, ConfirmPanelRun, ListPanelCandidates, ProposePanels, ProposePanelsV1, ReadPanels, ReadPanelsV1 } from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';

export class PanelSeatBody {
  @IsUUID() applicationId!: string;
  /** The proposed expert to replace; absent = fill an empty seat. */
  @IsOptional() @IsUUID() replaceExpertId?: string;
  @IsUUID() expertId!: string;
}

export class PanelCandidatesQuery {
  @IsUUID() applicationId!: string;
}

/** Panels proposed by the solver, adjusted and confirmed by the institution (M8.1, M11.1). */
@ApiTags('综合评审 Comprehensive review')
@ApiBearerAuth()
@Controller()
export class PanelsController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('panels')
  @Roles('institution_staff')
  @ApiOperation({ summary: '评审组：批次、申请及其专家、最近的方案 / Panels: batches, cases with their experts, the latest run (M8.1)' })
  @ApiReply(ReadPanels)
  overview(@Req() req: Request, @Query() query: ReadPanelsV1) {
    return this.services.call(req, ReadPanels, query);
  }

  @Post('panels/runs')
  @Roles('institution_staff')
  @ApiOperation({ summary: '生成评审组建议（试运行） / Propose panels (dry run, M8.1)' })
  @ApiBody({ type: ProposePanelsV1 })
  @ApiReply(ProposePanels, 201)
  propose(@Req() req: Request, @Body() body: ProposePanelsV1) {
    return this.services.call(req, ProposePanels, body);
  }

  @Get('panels/runs/:id/candidates')
  @Roles('institution_staff')
  @ApiOperation({ summary: '可选专家及不可选原因 / Experts for a seat, with what keeps any out (M11.1, M11.2)' })
  @ApiReply(ListPanelCandidates)
  candidates(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Query() query: PanelCandidatesQuery) {
    return this.services.call(req, ListPanelCandidates, { runId: id, applicationId: query.applicationId });
  }

  @Post('panels/runs/:id/seats')
  @HttpCode(200)
  @Roles('institution_staff')
  @ApiOperation({ summary: '调整评审组席位 / Change a seat of the proposal (M11.1)' })
  @ApiBody({ type: PanelSeatBody })
  @ApiReply(AdjustPanelSeat)
  adjust(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: PanelSeatBody) {
    return this.services.call(req, AdjustPanelSeat, { runId: id, ...body });
  }

  @Post('panels/runs/:id/confirm')
  @HttpCode(200)
  @Roles('institution_staff')
  @ApiOperation({ summary: '确认评审组并分配专家 / Confirm the panels: assign the experts (M8.1)' })
  @ApiReply(ConfirmPanelRun)
  confirm(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, ConfirmPanelRun, { runId: id });
  }
}
