import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/** The expert's answer on conflicts of interest for this one application (M11.1). */
export const CONFLICT_ANSWERS = ['none', 'declared'] as const;
export type ConflictAnswer = (typeof CONFLICT_ANSWERS)[number];

/**
 * The expert signs the undertaking of the case's policy profile in the version they were shown,
 * and answers for this application: no undisclosed conflict (`none`), or a conflict declared with
 * its reason (`declared`), which recuses them instead of giving access.
 */
export class AcceptAssignmentV1 {
  @IsUUID()
  applicationId!: string;

  /** The undertaking's version the expert read; an outdated one is refused (409). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  undertakingVersion!: string;

  @IsIn(CONFLICT_ANSWERS)
  conflict!: ConflictAnswer;

  /** Required when the expert declares a conflict: its nature (employment, family, equity…). */
  @ValidateIf((o: AcceptAssignmentV1) => o.conflict === 'declared' || o.conflictReason !== undefined)
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(1000)
  conflictReason?: string;
}

/**
 * The assigned expert accepts the assignment and signs the confidentiality undertaking (M11.1);
 * only then may they read the application and score it. A declared conflict recuses them instead.
 */
export const AcceptAssignment = defineCommand('expert-management.assignment.accept.v1', AcceptAssignmentV1, 'AssignmentViewV1');
