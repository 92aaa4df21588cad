import { defineQuery } from '../../contract';
import { DashboardFiltersQueryV1 } from './dashboard-filters';

/** The dashboards for the Department and the auditor, by batch, prefecture and period (ADR 0029). */
export class ReadDashboardV1 extends DashboardFiltersQueryV1 {}
export const ReadDashboard = defineQuery('oversight.dashboard.read.v1', ReadDashboardV1, 'DashboardV1');
