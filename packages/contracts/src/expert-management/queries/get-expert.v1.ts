import { IsOptional, IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

/** One expert with their ties: the institution's, or (absent id) the calling expert's own. */
export class ExpertRefV1 {
  @IsOptional()
  @IsUUID()
  expertId?: string;
}
export const GetExpert = defineQuery('expert-management.expert.get.v1', ExpertRefV1, 'ExpertDetailV1');
