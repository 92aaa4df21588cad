import { OptionalBatchDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The issuing page (M9.3): each publicity with its documents in order and every entry still held, with its case. */
export const ListIssuing = defineQuery('publicity.document.list.v1', OptionalBatchDto, 'IssuingListV1');
