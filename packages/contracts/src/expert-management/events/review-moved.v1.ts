import { IsDateString, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

export class ReviewMovedV1 {
  @IsUUID()
  applicationId!: string;

  /** The institution that held the case until now; absent when the case was waiting. */
  @IsOptional()
  @IsUUID()
  fromInstitutionId?: string;

  @IsOptional()
  @IsUUID()
  fromCommissionId?: string;

  /** The institution that holds it from now; absent when the case waits for a new commission. */
  @IsOptional()
  @IsUUID()
  toInstitutionId?: string;

  @IsOptional()
  @IsUUID()
  toCommissionId?: string;

  @IsString()
  reason!: string;

  @IsDateString()
  movedAt!: string;
}
/**
 * A case under comprehensive review changed hands (M8.1, M10.3): its commission ended, or a new
 * commission took up a waiting case. Intake closes the materials to the old institution and opens
 * them to the new one.
 */
export const ReviewMoved = defineEvent('expert-management.review.moved.v1', ReviewMovedV1);
