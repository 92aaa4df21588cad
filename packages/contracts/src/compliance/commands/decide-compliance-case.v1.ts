import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsLocalDate, MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/**
 * The Department decides a heard case with reasons: the measure it announced, or none (ADR 0026;
 * M10.2, M10.3, M11.2). A revocation imposes the applicant ban with it.
 */
export class DecideComplianceCaseV1 {
  @IsUUID()
  caseId!: string;

  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IsIn(['sanction', 'no_sanction'])
  outcome!: 'sanction' | 'no_sanction';

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  reasons!: string;

  /** The decision's date; today (China time) when omitted, never in the future. */
  @IsOptional()
  @IsLocalDate()
  decisionDate?: string;
}
export const DecideComplianceCase = defineCommand('compliance.case.decide.v1', DecideComplianceCaseV1, 'ComplianceCaseViewV1');
