import { defineCommand } from '../../contract';
import { SubmitSummaryV1 } from '../dto';

/** The prefecture's summary submission for a batch (汇总报送, M7.3), before the deadline. */
export const SubmitSummary = defineCommand('preliminary-review.summary.submit.v1', SubmitSummaryV1, 'SummaryViewV1');
