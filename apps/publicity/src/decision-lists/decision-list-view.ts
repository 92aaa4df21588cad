import type { DecisionListViewV1 } from '@firstset/contracts';
import { DecisionList } from '../generated/prisma/client';

/** A list's view; a withdrawn list has no entry rows left and names the applications it held. */
export function toDecisionListView(l: Omit<DecisionList, 'content'>, applicationIds: string[]): DecisionListViewV1 {
  if (l.status === 'WITHDRAWN' && applicationIds.length === 0) applicationIds = l.withdrawnApplicationIds;
  return {
    id: l.id,
    batchId: l.batchId,
    status: l.status,
    decidedOn: l.decidedOn,
    applicationIds,
    decidedByName: l.decidedByName,
    meetingRef: l.meetingRef,
    meetingOn: l.meetingOn,
    deliberation: l.deliberation,
    contentHash: l.contentHash,
    version: l.version,
    withdrawal: l.withdrawnAt ? { at: l.withdrawnAt.toISOString(), byName: l.withdrawnByName ?? '', reason: l.withdrawalReason ?? '' } : null,
  };
}
