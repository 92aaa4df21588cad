import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { GetReviewCase, ListReviewQueue, RecommendApplication } from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ServiceCaller } from '../http/service-caller';
import { BatchQuery, OpinionBody } from './bodies';

@ApiTags('初审 Preliminary review')
@ApiBearerAuth()
@Controller('preliminary-review')
export class PreliminaryReviewController {
  constructor(private readonly services: ServiceCaller) {}

  @Get('queue')
  @Roles('prefecture_officer', 'department_officer', 'auditor')
  @ApiOperation({ summary: '本盟市初审队列 / The prefecture queue (M7.2, M7.3)' })
  queue(@Req() req: Request, @Query() query: BatchQuery) {
    return this.services.call(req, ListReviewQueue, query);
  }

  @Get('applications/:id')
  @Roles('prefecture_officer', 'department_officer', 'auditor')
  @ApiOperation({ summary: '初审案卷 / One application under preliminary review' })
  get(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.call(req, GetReviewCase, { applicationId: id });
  }

  @Post('applications/:id/recommend')
  @HttpCode(200)
  @Roles('prefecture_officer')
  @ApiOperation({ summary: '推荐 / Recommend to the Department (M3.2, M7.3)' })
  @ApiBody({ type: OpinionBody })
  recommend(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: OpinionBody) {
    return this.services.call(req, RecommendApplication, { applicationId: id, opinion: body.opinion });
  }
}
