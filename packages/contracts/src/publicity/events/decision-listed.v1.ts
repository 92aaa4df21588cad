import { ArrayMinSize, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

export class DecisionListedV1 {
  @IsUUID()
  decisionListId!: string;

  @IsUUID()
  batchId!: string;

  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  applicationIds!: string[];
}
export const DecisionListed = defineEvent('publicity.decision-list.created.v1', DecisionListedV1);
