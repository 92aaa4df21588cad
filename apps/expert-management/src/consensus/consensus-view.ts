import type { ConsensusRoundViewV1 } from '@firstset/contracts';
import { ConsensusRound } from '../generated/prisma/client';

export type ConsensusRoundView = ConsensusRoundViewV1;

export const toConsensusRoundView = (r: ConsensusRound): ConsensusRoundView => ({
  id: r.id,
  applicationId: r.applicationId,
  reason: r.reason,
  spread: r.spread,
  calledAt: r.calledAt.toISOString(),
  calledBy: r.calledBy,
  outcome: r.outcome,
  concludedAt: r.concludedAt?.toISOString() ?? null,
  concludedBy: r.concludedBy,
});
