import { IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';

/** The Department commissions a third-party institution for a batch's comprehensive review (M8.1). */
export class CommissionInstitutionV1 {
  @IsUUID()
  batchId!: string;

  @IsUUID()
  institutionId!: string;
}
export const CommissionInstitution = defineCommand('expert-management.commission.create.v1', CommissionInstitutionV1, 'CommissionViewV1');
