import { ArrayMinSize, IsISO8601, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/** A decided list was withdrawn before publication: its applications are REVIEWED again (M9.1). */
export class DecisionListWithdrawnV1 {
  @IsUUID()
  decisionListId!: string;

  @IsUUID()
  batchId!: string;

  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  applicationIds!: string[];

  @IsString()
  reason!: string;

  @IsISO8601()
  withdrawnAt!: string;
}
export const DecisionListWithdrawn = defineEvent('publicity.decision-list.withdrawn.v1', DecisionListWithdrawnV1);
