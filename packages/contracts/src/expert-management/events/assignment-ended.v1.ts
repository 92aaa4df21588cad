import { IsDateString, IsIn, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/**
 * Why an assignment stopped counting: the expert's disqualification, the commission's end, a
 * recusal, or the application's withdrawal (by the enterprise M7.1, or by the system on an
 * applicant ban M10.2).
 */
export const ASSIGNMENT_END_CAUSES = ['expert_disqualified', 'commission_ended', 'recused', 'withdrawn'] as const;

export class AssignmentEndedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  expertId!: string;

  @IsIn(ASSIGNMENT_END_CAUSES)
  cause!: (typeof ASSIGNMENT_END_CAUSES)[number];

  /** The reason recorded on the assignment. */
  @IsString()
  reason!: string;

  @IsDateString()
  endedAt!: string;
}
/**
 * An expert's assignment is no longer active (M11.2, M10.3, M8.1, M7.1, M10.2): intake closes the application's
 * materials to the expert at once.
 */
export const AssignmentEnded = defineEvent('expert-management.assignment.ended.v1', AssignmentEndedV1);
