import { IsOptional, IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';

/** A declared tie removed (it was wrong, or ended and no longer matters), by the expert or their institution. */
export class RemoveExpertTieV1 {
  @IsOptional()
  @IsUUID()
  expertId?: string;

  @IsUUID()
  tieId!: string;
}
export const RemoveExpertTie = defineCommand('expert-management.expert-tie.remove.v1', RemoveExpertTieV1, 'ExpertDetailV1');
