import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryV1 } from '../../common/paging';
import { defineQuery } from '../../contract';

/** The caller's own enterprise's applications, newest first, a page at a time. */
export class ListOwnApplicationsV1 extends PageQueryV1 {
  /** One lifecycle state (e.g. `RETURNED_FOR_CORRECTION`). */
  @IsOptional()
  @Matches(/^[A-Z_]{1,50}$/)
  state?: string;

  /** Part of the application number, the product name, the series or the model. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
/** v2: paged (v1 answered the whole list as an array). */
export const ListOwnApplications = defineQuery('intake.application.list-own.v2', ListOwnApplicationsV1, 'ApplicationPageV1');
