import { IsOptional, IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';
import { ExpertTieInputV1 } from './add-expert.v1';

/** A tie declared (M11.1) by the expert themself, or by the institution for an expert of its pool. */
export class AddExpertTieV1 extends ExpertTieInputV1 {
  /** The institution names the expert; an expert declares their own (absent, or their own id). */
  @IsOptional()
  @IsUUID()
  expertId?: string;
}
export const AddExpertTie = defineCommand('expert-management.expert-tie.add.v1', AddExpertTieV1, 'ExpertDetailV1');
