import { IsIn, IsOptional } from 'class-validator';
import { PageQueryV1 } from '../../common/paging';
import { defineQuery } from '../../contract';
import { CASE_MEASURES, CASE_STATUSES } from '@firstset/domain';

/** Compliance cases for the Department and the auditor, newest first; a party reads its own. */
export class ListComplianceCasesV1 extends PageQueryV1 {
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: string;

  @IsOptional()
  @IsIn(CASE_MEASURES)
  intendedMeasure?: string;
}
export const ListComplianceCases = defineQuery('compliance.case.list.v1', ListComplianceCasesV1, 'ComplianceCasePageV1');
