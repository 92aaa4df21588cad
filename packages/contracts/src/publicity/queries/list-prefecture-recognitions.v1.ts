import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PRODUCT_KINDS, ProductKind } from '../../common/dto';
import { PageQueryV1, toInt } from '../../common/paging';
import { defineQuery } from '../../contract';
import { RECOGNITION_STATUSES, RecognitionStatusName } from './search-public-recognitions.v1';

/**
 * The recognized products of the caller's own prefecture (M14: brought into its support policies),
 * filtered and paged on the server. There is no prefecture filter: the prefecture is the signed-in
 * officer's, so another prefecture's products are never in the answer.
 */
export class ListPrefectureRecognitionsV1 extends PageQueryV1 {
  /** Part of the enterprise name, its credit code, the product name, the model or a number. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @IsOptional()
  @IsIn(PRODUCT_KINDS)
  productKind?: ProductKind;

  /** The field (M4.2, e.g. `EF04`) or `NM` for new materials. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,50}$/)
  fieldCode?: string;

  /** The year of the recognition document. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @IsOptional()
  @IsIn(RECOGNITION_STATUSES)
  status?: RecognitionStatusName;
}
export const ListPrefectureRecognitions = defineQuery('publicity.recognition.list-prefecture.v1', ListPrefectureRecognitionsV1, 'PrefectureRecognitionPageV1');

