import { IsNotEmpty, IsString, IsUUID } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

/** An expert is disqualified from the decision date, without a term (M11.2). */
export class ExpertDisqualifiedV1 {
  @IsUUID()
  disqualificationId!: string;

  @IsString()
  @IsNotEmpty()
  expertId!: string;

  @IsLocalDate()
  decisionDate!: string;
}
export const ExpertDisqualified = defineEvent('compliance.expert.disqualified.v1', ExpertDisqualifiedV1);
