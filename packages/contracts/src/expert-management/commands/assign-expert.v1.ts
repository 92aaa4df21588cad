import { IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';

/** The commissioned institution assigns an expert of its pool to an application. */
export class AssignExpertV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  expertId!: string;
}
export const AssignExpert = defineCommand('expert-management.assignment.create.v1', AssignExpertV1, 'AssignmentViewV1');
