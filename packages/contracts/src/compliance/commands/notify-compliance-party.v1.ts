import { IsInt, IsUUID, Min } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineCommand } from '../../contract';

/** The party is told of the intended measure and until when it may state its case (告知, ADR 0026). */
export class NotifyCompliancePartyV1 {
  @IsUUID()
  caseId!: string;

  @IsInt()
  @Min(1)
  expectedVersion!: number;

  /** The last day to state its case: at least five days after today (China time). */
  @IsLocalDate()
  statementDeadline!: string;
}
export const NotifyComplianceParty = defineCommand('compliance.case.notify.v1', NotifyCompliancePartyV1, 'ComplianceCaseViewV1');
