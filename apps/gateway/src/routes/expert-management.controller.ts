import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  AssignExpert,
  CommissionInstitution,
  CommissionInstitutionV1,
  ListCommissions,
  ListExperts,
  ListInstitutions,
  ListReviews,
  SearchReviews,
  ListCommissionsV1,
  PoolQueryV1,
  SearchReviewsV1,
} from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiReply } from '../http/api-reply';
import { ServiceCaller } from '../http/service-caller';
import { AssignExpertBody, BatchQuery } from './bodies';

@ApiTags('综合评审 Comprehensive review')
@ApiBearerAuth()
@Controller()
export class ExpertManagementController {
  constructor(private readonly services: ServiceCaller) {}

  @Post('commissions')
  @Roles('department_officer')
  @ApiOperation({ summary: '委托第三方机构 / Commission an institution (M8.1)' })
  @ApiBody({ type: CommissionInstitutionV1 })
  @ApiReply(CommissionInstitution, 201)
  commission(@Req() req: Request, @Body() body: CommissionInstitutionV1) {
    return this.services.call(req, CommissionInstitution, body);
  }

  @Get('reviews')
  @Roles('department_officer', 'institution_staff', 'expert', 'auditor')
  @ApiOperation({ summary: '评审中的申报 / Applications in comprehensive review' })
  @ApiReply(ListReviews)
  list(@Req() req: Request, @Query() query: BatchQuery) {
    return this.services.call(req, ListReviews, query);
  }

  @Get('reviews/search')
  @Roles('department_officer', 'institution_staff', 'expert', 'auditor')
  @ApiOperation({ summary: '评审中的申报（分页，专家按任务阶段） / Applications in review, paged; an expert\'s by stage' })
  @ApiReply(SearchReviews)
  search(@Req() req: Request, @Query() query: SearchReviewsV1) {
    return this.services.call(req, SearchReviews, query);
  }

  @Get('commissions')
  @Roles('department_officer', 'auditor', 'institution_staff')
  @ApiOperation({ summary: '委托记录 / Commissions (an institution its own)' })
  @ApiReply(ListCommissions)
  commissions(@Req() req: Request, @Query() query: ListCommissionsV1) {
    return this.services.call(req, ListCommissions, query);
  }

  @Get('institutions')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '第三方机构及其禁入期 / Third-party institutions with their bans (M10.3)' })
  @ApiReply(ListInstitutions)
  institutions(@Req() req: Request, @Query() query: PoolQueryV1) {
    return this.services.call(req, ListInstitutions, query);
  }

  @Get('experts')
  @Roles('institution_staff', 'department_officer', 'auditor')
  @ApiOperation({ summary: '专家库（机构见本机构，工信厅和审计见全部） / The expert pool: the institution\'s own, or every pool for the Department and the auditor (M11.2)' })
  @ApiReply(ListExperts)
  experts(@Req() req: Request, @Query() query: PoolQueryV1) {
    return this.services.call(req, ListExperts, query);
  }

  @Post('reviews/:id/assignments')
  @Roles('institution_staff')
  @ApiOperation({ summary: '指派专家 / Assign an expert' })
  @ApiBody({ type: AssignExpertBody })
  @ApiReply(AssignExpert, 201)
  assign(@Req() req: Request, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignExpertBody) {
    return this.services.call(req, AssignExpert, { applicationId: id, expertId: body.expertId });
  }

  // Accepting, scoring and recusal: expert-review.controller.ts; the report that concludes a review: review-reports.controller.ts (issue 17).
}
