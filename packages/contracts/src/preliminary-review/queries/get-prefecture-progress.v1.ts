import { IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

export class BatchRefV1 {
  @IsUUID()
  batchId!: string;
}
/** The Department's view of every prefecture's progress in a batch (M3.1, M7.3). */
export const GetPrefectureProgress = defineQuery('preliminary-review.progress.get.v1', BatchRefV1, 'ProgressViewV1');
