import { Controller } from '@nestjs/common';
import {
  CallConsensusRound as Call,
  CallConsensusRoundV1,
  ConcludeConsensusRound as Conclude,
  ConcludeConsensusRoundV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { CallConsensusRound } from './call-consensus-round';
import { ConcludeConsensusRound } from './conclude-consensus-round';

/** Consensus rounds on divergent applications (M8.1). */
@Controller()
export class ConsensusController {
  constructor(
    private readonly callRound: CallConsensusRound,
    private readonly concludeRound: ConcludeConsensusRound,
  ) {}

  @Answers(Call)
  call(input: CallConsensusRoundV1, meta: MessageMeta) {
    return this.callRound.execute(input, meta);
  }

  @Answers(Conclude)
  conclude(input: ConcludeConsensusRoundV1, meta: MessageMeta) {
    return this.concludeRound.execute(input, meta);
  }
}
