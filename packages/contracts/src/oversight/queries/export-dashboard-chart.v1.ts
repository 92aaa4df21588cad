import { IsIn, IsOptional } from 'class-validator';
import { defineQuery } from '../../contract';
import { DashboardFiltersQueryV1 } from './dashboard-filters';

export const DASHBOARD_CHARTS = ['states', 'stages', 'deadlines', 'returns', 'objections', 'sanctions', 'prefectures'] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

/** The numbers behind one chart of the dashboards, as a CSV or XLSX file (ADR 0029). */
export class ExportDashboardChartV1 extends DashboardFiltersQueryV1 {
  @IsIn(DASHBOARD_CHARTS)
  chart!: DashboardChart;

  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}
export const ExportDashboardChart = defineQuery('oversight.dashboard.export.v1', ExportDashboardChartV1, 'ExportedFileV1');
