import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MultilineText } from './edge-rules';

// Roles and product kinds are the domain's vocabulary; contracts only carry them.
export { ROLES, PRODUCT_KINDS, ProductKind, type Role as RoleName } from '@firstset/domain';

/** ISO calendar date, e.g. 2026-10-09 (a date in China Standard Time, not an instant). */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Payload of a command that names one application. */
export class ApplicationRefDto {
  @IsUUID()
  applicationId!: string;
}

/** Payload of a query with no parameters. */
export class EmptyDto {}

/** A free-text reason or opinion recorded with a decision. */
export class ReasonDto {
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}

export class OptionalBatchDto {
  @IsOptional()
  @IsUUID()
  batchId?: string;
}

export class IdDto {
  @IsUUID()
  id!: string;
}

export { IsIn, Matches };
export { IsLocalDate, MultilineText } from './edge-rules';
