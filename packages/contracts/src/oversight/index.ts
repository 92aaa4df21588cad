// The oversight context's contracts: the dashboards' queries and their reply views (ADR 0029).
export * from './queries/dashboard-filters';
export * from './queries/read-dashboard.v1';
export * from './queries/export-dashboard-chart.v1';
export * from './views/dashboard-views.v1';
