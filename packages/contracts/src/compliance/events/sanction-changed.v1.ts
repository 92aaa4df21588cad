import { IsIn, IsISO8601, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/** A change in a sanction's history (suspended, resumed, lifted, set aside, upheld), effective `on`. */
export class SanctionChangedV1 {
  @IsUUID()
  sanctionId!: string;

  @IsIn(['recognition_revocation', 'applicant_ban', 'institution_ban', 'expert_disqualification'])
  measure!: string;

  @IsString()
  subjectId!: string;

  @IsIn(['suspended', 'resumed', 'lifted', 'set_aside', 'upheld'])
  change!: 'suspended' | 'resumed' | 'lifted' | 'set_aside' | 'upheld';

  @IsString()
  on!: string;

  @IsString()
  reason!: string;

  @IsISO8601()
  changedAt!: string;
}
export const SanctionChanged = defineEvent('compliance.sanction.changed.v1', SanctionChangedV1);
