import { Controller } from '@nestjs/common';
import { ExportDashboardChart as ExportChart, ExportDashboardChartV1, ReadDashboard as Read, ReadDashboardV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ExportDashboardChart } from './export-dashboard-chart';
import { ReadDashboard } from './read-dashboard';

/** The Department's and the auditor's dashboards (issue 20, ADR 0029). */
@Controller()
export class DashboardsController {
  constructor(
    private readonly readDashboard: ReadDashboard,
    private readonly exportChart: ExportDashboardChart,
  ) {}

  @Answers(Read)
  read(input: ReadDashboardV1, meta: MessageMeta) {
    return this.readDashboard.execute(input, meta);
  }

  @Answers(ExportChart)
  export(input: ExportDashboardChartV1, meta: MessageMeta) {
    return this.exportChart.execute(input, meta);
  }
}
