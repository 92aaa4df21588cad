import { OptionalBatchDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/**
 * Decision lists with their publicity and recognition document, newest first (M9.1–M9.3).
 * v2: each list's entries are counted, not listed (v1's reply outgrew NATS's 1 MB at scale).
 */
export const ListDecisionLists = defineQuery('publicity.decision-list.list.v2', OptionalBatchDto, 'DecisionListSummaryListV1');
