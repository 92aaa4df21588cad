import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ExportDashboardChart, ExportDashboardChartV1, ReadDashboard, ReadDashboardV1 } from '@firstset/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiFileReply, ApiReply } from '../http/api-reply';
import { sendFile } from '../http/send-file';
import { ServiceCaller } from '../http/service-caller';

/**
 * The Department's and the auditor's dashboards (issue 20, ADR 0029): read from oversight's
 * projection, never from the services' tables. Oversight checks the role again.
 */
@ApiTags('统计分析 Dashboards')
@ApiBearerAuth()
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly services: ServiceCaller) {}

  @Get()
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '统计分析：按批次、盟市、时段 / The dashboards by batch, prefecture and period (M7, M8, M9, M10)' })
  @ApiReply(ReadDashboard)
  read(@Req() req: Request, @Query() query: ReadDashboardV1) {
    return this.services.call(req, ReadDashboard, query);
  }

  @Get('export')
  @Roles('department_officer', 'auditor')
  @ApiOperation({ summary: '下载某图表的数据（CSV 或 Excel） / One chart\'s numbers as CSV or XLSX' })
  @ApiFileReply('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Req() req: Request, @Res() res: Response, @Query() query: ExportDashboardChartV1) {
    sendFile(res, await this.services.call(req, ExportDashboardChart, query));
  }
}
