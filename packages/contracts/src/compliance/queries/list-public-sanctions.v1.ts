import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The public list: sanctions in force today only, without facts or history (ADR 0026). */
export const ListPublicSanctions = defineQuery('compliance.sanction.list-public.v1', EmptyDto, 'PublicSanctionListV1');
