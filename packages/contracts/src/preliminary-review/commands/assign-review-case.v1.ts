import { IsString, IsUUID, MaxLength } from 'class-validator';
import { defineCommand } from '../../contract';

export class AssignReviewCaseV1 {
  @IsUUID()
  applicationId!: string;

  /** User id of another officer of the same prefecture. */
  @IsString()
  @MaxLength(100)
  assigneeId!: string;
}
/** The case is handed to another officer of the same prefecture. */
export const AssignReviewCase = defineCommand('preliminary-review.application.assign.v1', AssignReviewCaseV1, 'ReviewCaseViewV1');
