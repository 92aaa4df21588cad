import { IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

/** One case: the Department and the auditor read any; the party reads its own once notified (else 404). */
export class GetComplianceCaseV1 {
  @IsUUID()
  caseId!: string;
}
export const GetComplianceCase = defineQuery('compliance.case.get.v1', GetComplianceCaseV1, 'ComplianceCaseViewV1');
