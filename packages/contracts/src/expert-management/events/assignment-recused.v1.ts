import { IsDateString, IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

export class AssignmentRecusedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  expertId!: string;

  @IsUUID()
  institutionId!: string;

  /** `recused`: the expert withdrew; `declared_conflict`: they declared a conflict instead of accepting. */
  @IsIn(['recused', 'declared_conflict'])
  how!: 'recused' | 'declared_conflict';

  @IsDateString()
  endedAt!: string;
}
/**
 * An expert withdrew from an assignment (M11.1): intake closes the application's materials to them,
 * and the institution needs a replacement. (Issue 17, helper 4; the lead may fold this into a
 * general `assignment.ended` event.)
 */
export const AssignmentRecused = defineEvent('expert-management.assignment.recused.v1', AssignmentRecusedV1);
