import { OptionalBatchDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** Batch reports: the institution's, one per commission it holds (drafted or not); the Department's, those signed off (M9.1). */
export const ListBatchReports = defineQuery('expert-management.batch-report.list.v1', OptionalBatchDto, 'BatchReportListV1');
