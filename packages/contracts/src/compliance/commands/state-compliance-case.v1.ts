import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, IsNotEmpty } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/**
 * The party states its case (陈述、申辩) in the platform until the deadline, or waives it; an
 * officer may record a statement received otherwise, until the decision (ADR 0026).
 */
export class StateComplianceCaseV1 {
  @IsUUID()
  caseId!: string;

  @IsOptional()
  @IsBoolean()
  waived?: boolean;

  @ValidateIf((o: StateComplianceCaseV1) => !o.waived)
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(8000)
  statement?: string;
}
export const StateComplianceCase = defineCommand('compliance.case.state.v1', StateComplianceCaseV1, 'ComplianceCaseViewV1');
