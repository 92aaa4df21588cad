import { IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/** A case is dropped before its decision, with the reason; an interim measure ends with it. */
export class DropComplianceCaseV1 {
  @IsUUID()
  caseId!: string;

  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
export const DropComplianceCase = defineCommand('compliance.case.drop.v1', DropComplianceCaseV1, 'ComplianceCaseViewV1');
