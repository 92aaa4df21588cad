import { defineCommand } from '../../contract';
import { SubmitSummaryV1 } from '../dto';

/**
 * A supplementary summary (补报, M7.3): applications recommended after the prefecture's summary was
 * sent, each resubmitted after a return whose correction deadline had not passed when it was sent.
 * Same body as the summary; it gets its own letter and reaches the Department like the first.
 */
export const SubmitSupplementarySummary = defineCommand('preliminary-review.summary.submit-supplement.v1', SubmitSummaryV1, 'SummaryViewV1');
