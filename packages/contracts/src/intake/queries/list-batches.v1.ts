import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

export const ListBatches = defineQuery('intake.batch.list.v1', EmptyDto, 'BatchListV1');
