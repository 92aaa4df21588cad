import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryV1 } from '../../common/paging';
import { defineQuery } from '../../contract';

/** The Department's commissions (M8.1), newest first, optionally of one batch. */
export class ListCommissionsV1 extends PageQueryV1 {
  @IsOptional()
  @IsUUID()
  batchId?: string;
}
export const ListCommissions = defineQuery('expert-management.commission.list.v1', ListCommissionsV1, 'CommissionPageV1');
