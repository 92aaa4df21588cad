import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IDENTITY_TYPES } from '@firstset/domain';
import { defineCommand } from '../../contract';
import { ExpertFieldsV1 } from './add-expert.v1';

/** The institution edits an expert of its pool, at the version it read (optimistic concurrency). */
export class UpdateExpertV1 extends ExpertFieldsV1 {
  @IsUUID()
  expertId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  /** A corrected identity document; absent = unchanged. Given with its type. */
  @IsOptional()
  @IsIn(IDENTITY_TYPES)
  identityType?: (typeof IDENTITY_TYPES)[number];

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  identityNumber?: string;
}
export const UpdateExpert = defineCommand('expert-management.expert.update.v1', UpdateExpertV1, 'ExpertDetailV1');
