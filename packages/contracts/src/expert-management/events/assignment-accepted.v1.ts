import { IsDateString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

export class AssignmentAcceptedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  expertId!: string;

  @IsUUID()
  institutionId!: string;

  @IsDateString()
  acceptedAt!: string;
}
/**
 * The assigned expert accepted and signed the confidentiality undertaking (M11.1): from now the
 * expert may read the application's materials (intake authorizes the downloads).
 */
export const AssignmentAccepted = defineEvent('expert-management.assignment.accepted.v1', AssignmentAcceptedV1);
