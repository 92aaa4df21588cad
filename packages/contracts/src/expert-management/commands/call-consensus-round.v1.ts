import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export class CallConsensusRoundV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
/**
 * The institution calls a consensus round on an application whose experts diverge (spread of
 * their weighted totals above the profile's threshold, M8.1): while it is open, experts who have
 * scored may revise their scores, and the review cannot be completed.
 */
export const CallConsensusRound = defineCommand('expert-management.consensus.call.v1', CallConsensusRoundV1, 'ConsensusRoundViewV1');
