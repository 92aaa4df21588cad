import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export class RecuseAssignmentV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(1000)
  reason!: string;
}
/**
 * The expert withdraws from an assignment with a reason, at any time before scoring (M11.1, as the
 * undertaking promises): the assignment ends, access to the application is revoked, and the
 * institution assigns a replacement.
 */
export const RecuseAssignment = defineCommand('expert-management.assignment.recuse.v1', RecuseAssignmentV1, 'AssignmentViewV1');
