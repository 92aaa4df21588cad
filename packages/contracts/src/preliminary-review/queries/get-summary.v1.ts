import { defineQuery } from '../../contract';
import { SummaryRefV1 } from '../dto';

/** The prefecture's summary for a batch: as sent, or the draft of what would be sent. */
export const GetSummary = defineQuery('preliminary-review.summary.get.v1', SummaryRefV1, 'SummaryViewV1');
