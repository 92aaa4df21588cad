import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export class ConcludeConsensusRoundV1 {
  @IsUUID()
  applicationId!: string;

  /** What the panel agreed (or why the divergence stands), kept with the round. */
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  outcome!: string;
}
/** The institution concludes the open consensus round with its recorded outcome (M8.1). */
export const ConcludeConsensusRound = defineCommand('expert-management.consensus.conclude.v1', ConcludeConsensusRoundV1, 'ConsensusRoundViewV1');
