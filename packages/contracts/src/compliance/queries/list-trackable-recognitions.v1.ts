import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryV1, toInt } from '../../common/paging';
import { defineQuery } from '../../contract';

/**
 * The valid recognized products of the prefecture's area, to evaluate (M12.2), each with its
 * evaluation of `year` (this year unless asked) when there is one.
 */
export class ListTrackableRecognitionsV1 extends PageQueryV1 {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
export const ListTrackableRecognitions = defineQuery('compliance.tracking.recognitions.v1', ListTrackableRecognitionsV1, 'TrackableRecognitionPageV1');
