import { ApplicationRefDto } from '../../common/dto';
import { defineCommand } from '../../contract';

/**
 * The assigned expert accepts the assignment and signs the confidentiality undertaking (M11.1);
 * only then may they read the application and score it.
 */
export const AcceptAssignment = defineCommand('expert-management.assignment.accept.v1', ApplicationRefDto, 'AssignmentViewV1');
