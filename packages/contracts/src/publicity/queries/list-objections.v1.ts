import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

/** Objections for the Department and the auditor, newest first, by list and status. */
export class ListObjectionsV1 {
  @IsOptional()
  @IsUUID()
  decisionListId?: string;

  @IsOptional()
  @IsIn(['received', 'inadmissible', 'under_investigation', 'upheld', 'dismissed'])
  status?: string;
}
export const ListObjections = defineQuery('publicity.objection.list.v1', ListObjectionsV1, 'ObjectionSummaryListV1');
