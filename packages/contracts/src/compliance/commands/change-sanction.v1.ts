import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsLocalDate, MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/**
 * A change to a sanction in its history (ADR 0026): its execution suspended or resumed, lifted
 * early by a decision, set aside or upheld by a reconsideration or a court. Effective on `on`
 * (today when omitted; never in the future).
 */
export class ChangeSanctionV1 {
  @IsUUID()
  sanctionId!: string;

  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IsIn(['suspended', 'resumed', 'lifted', 'set_aside', 'upheld'])
  change!: 'suspended' | 'resumed' | 'lifted' | 'set_aside' | 'upheld';

  @IsOptional()
  @IsLocalDate()
  on?: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
export const ChangeSanction = defineCommand('compliance.sanction.change.v1', ChangeSanctionV1, 'SanctionRecordV1');
