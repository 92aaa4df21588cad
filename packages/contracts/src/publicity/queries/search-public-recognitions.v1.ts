import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PRODUCT_KINDS, ProductKind } from '../../common/dto';
import { PageQueryV1, toInt } from '../../common/paging';
import { defineQuery } from '../../contract';

/** A recognition's status on a day (domain `recognitionStatusAt`). */
export const RECOGNITION_STATUSES = ['valid', 'expired', 'revoked'] as const;
export type RecognitionStatusName = (typeof RECOGNITION_STATUSES)[number];

/**
 * The public registry (M13.1), searched and paged on the server. Expired and revoked entries stay
 * in it with their status (M13.2, M10.2); `status` narrows to one.
 */
export class SearchPublicRecognitionsV1 extends PageQueryV1 {
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

  /** The prefecture's 6-digit division code (M14). */
  @IsOptional()
  @Matches(/^\d{6}$/)
  prefectureId?: string;

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
export const SearchPublicRecognitions = defineQuery('publicity.recognition.search-public.v1', SearchPublicRecognitionsV1, 'PublicRecognitionPageV1');
