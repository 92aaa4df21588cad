import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PRODUCT_KINDS } from '@firstset/domain';
import { defineCommand } from '../../contract';

/** The catalogue codes a commission's scope may name: M4.2's equipment fields EF01–EF18. */
export const COMMISSION_FIELD_CODES = Array.from({ length: 18 }, (_, i) => `EF${String(i + 1).padStart(2, '0')}`);

/**
 * The Department commissions a third-party institution for a batch's comprehensive review (M8.1),
 * for a scope: product kinds and/or M4.2 fields (both empty = the whole batch). Open commissions
 * of one batch never overlap.
 */
export class CommissionInstitutionV1 {
  @IsUUID()
  batchId!: string;

  @IsUUID()
  institutionId!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(PRODUCT_KINDS, { each: true })
  productKinds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(18)
  @IsIn(COMMISSION_FIELD_CODES, { each: true })
  fieldCodes?: string[];
}
export const CommissionInstitution = defineCommand('expert-management.commission.create.v1', CommissionInstitutionV1, 'CommissionViewV1');
