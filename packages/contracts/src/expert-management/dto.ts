import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryV1 } from '../common/paging';

/** Part of a name (or an expert's field) to look for in reference data, paged. */
export class PoolQueryV1 extends PageQueryV1 {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
