import { defineQuery } from '../../contract';
import { SummaryRefV1 } from '../dto';

/** Exports (base64 in the reply: they are small): the summary table as Excel, the letter as PDF. */
export const ExportSummaryTable = defineQuery('preliminary-review.summary.export-table.v1', SummaryRefV1, 'ExportedFileV1');
