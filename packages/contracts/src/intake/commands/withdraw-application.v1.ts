import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/** The enterprise withdraws its application before the Department decides the list (M7.1). */
export class WithdrawApplicationV1 {
  @IsUUID()
  applicationId!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason?: string;
}
export const WithdrawApplication = defineCommand('intake.application.withdraw.v1', WithdrawApplicationV1, 'ApplicationViewV1');
