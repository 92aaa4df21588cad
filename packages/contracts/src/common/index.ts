// Shapes, validators and contracts every context shares.
export * from './application-summary';
export * from './dto';
export * from './edge-rules';
export * from './paging';
export * from './stored-attachment';
export * from './queries/health-check.v1';
export * from './views/http-views.v1';
export * from './views/label.v1';
export * from './views/workload-view.v1';
export * from './queries/audit-records.v1';
export * from './views/audit-views.v1';
