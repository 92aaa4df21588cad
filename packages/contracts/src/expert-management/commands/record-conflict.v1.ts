import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { CONFLICT_KINDS } from '@firstset/domain';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/**
 * The institution pins a detected conflict (it stays when the records change) or records one the
 * expert told it of (M11.1), with its reason: the expert is then never assigned to the application.
 */
export class RecordConflictV1 {
  @IsUUID()
  expertId!: string;

  @IsUUID()
  applicationId!: string;

  @IsIn(CONFLICT_KINDS)
  kind!: (typeof CONFLICT_KINDS)[number];

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(500)
  reason!: string;
}
export const RecordConflict = defineCommand('expert-management.conflict.record.v1', RecordConflictV1, 'CaseConflictsV1');
