import { IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

export class ExpertIdV1 {
  @IsUUID()
  expertId!: string;
}

/** M11.1: one expert's conflicts across the cases the institution holds, and why. */
export const GetExpertConflicts = defineQuery('expert-management.conflict.of-expert.v1', ExpertIdV1, 'ExpertConflictsV1');
