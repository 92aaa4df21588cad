import { OmitType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AddExpertTieV1, RecordConflictV1, UpdateExpertV1 } from '@firstset/contracts';

// The expert pool's HTTP bodies whose object id travels in the path (see bodies.ts): listed in
// EXPERT_POOL_BODIES so the OpenAPI document carries their rules.

export class UpdateExpertBody extends OmitType(UpdateExpertV1, ['expertId'] as const) {}
export class ExpertTieBody extends OmitType(AddExpertTieV1, ['expertId'] as const) {}
export class CaseConflictBody extends OmitType(RecordConflictV1, ['applicationId'] as const) {}

/** The sign-in account the institution issues for an expert of its pool. */
export class IssueExpertAccountBody {
  /** Lower-case letters, digits, `.`, `_` and `-`; unique across the platform. */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,39}$/, { message: '须为 3–40 位小写字母、数字或 . _ - / 3–40 lower-case letters, digits, . _ -' })
  username!: string;

  /** The initial password, per the password policy; the expert must change it at the first sign-in. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;

  /** Shown in the console; the expert's name when absent. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName?: string;
}

export const EXPERT_POOL_BODIES = [UpdateExpertBody, ExpertTieBody, CaseConflictBody];
