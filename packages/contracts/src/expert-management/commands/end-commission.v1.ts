import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/**
 * The Department ends a commission with a reason (M8.1) and, in the same step or later,
 * commissions another institution for the same scope: the ended commission's cases move to it.
 */
export class EndCommissionV1 {
  @IsUUID()
  commissionId!: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(500)
  @Matches(/\S/)
  reason!: string;

  /** The institution that takes over the same scope now; omitted = the cases wait for a new commission. */
  @IsOptional()
  @IsUUID()
  replacementInstitutionId?: string;
}
export const EndCommission = defineCommand('expert-management.commission.end.v1', EndCommissionV1, 'CommissionEndedV1');
