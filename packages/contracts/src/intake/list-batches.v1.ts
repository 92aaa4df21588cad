import { defineQuery } from '../contract';
import { EmptyDto } from '../common/dto';

export const ListBatches = defineQuery('intake.batch.list.v1', EmptyDto, 'BatchListV1');
