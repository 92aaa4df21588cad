import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';

/** The Department decides the recognition list from the expert opinions (M9.1). */
export class DecideListV1 {
  @IsUUID()
  batchId!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  applicationIds!: string[];
}
export const DecideList = defineCommand('publicity.decision-list.create.v1', DecideListV1, 'DecisionListViewV1');
