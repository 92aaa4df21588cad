import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryV1 } from '../../common/paging';
import { SANCTION_MEASURES, SANCTION_STATUSES } from '@firstset/domain';
import { defineQuery } from '../../contract';

/** The sanction registry with its history, for the Department and the auditor (ADR 0026). */
export class ListSanctionsV1 extends PageQueryV1 {
  @IsOptional()
  @IsIn(SANCTION_MEASURES)
  measure?: string;

  @IsOptional()
  @IsIn(SANCTION_STATUSES)
  status?: string;

  /** A subject's id, name or USCC, in part. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
export const ListSanctions = defineQuery('compliance.sanction.list.v1', ListSanctionsV1, 'SanctionPageV1');
