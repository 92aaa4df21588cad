import { OptionalBatchDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** Decision lists with their publicity and recognition document, newest first (M9.1–M9.3). */
export const ListDecisionLists = defineQuery('publicity.decision-list.list.v1', OptionalBatchDto, 'DecisionListDetailListV1');
