import { randomUUID } from 'node:crypto';
import { ApplicationAction, ApplicationState } from '@firstset/domain';
import { Tx } from '../prisma';

export interface HistoryEntry {
  applicationId: string;
  fromState: ApplicationState | null;
  toState: ApplicationState;
  action: ApplicationAction | 'create';
  actorRole: string;
  reason?: string | null;
  occurredAt: Date;
  /** The event that reported the change, when another service made it. */
  sourceEventId?: string;
}

/** Appends one step of the application's timeline (what the enterprise reads as its status). */
export async function appendHistory(tx: Tx, entry: HistoryEntry): Promise<void> {
  await tx.applicationHistory.create({
    data: {
      id: randomUUID(),
      applicationId: entry.applicationId,
      fromState: entry.fromState,
      toState: entry.toState,
      action: entry.action,
      actorRole: entry.actorRole,
      reason: entry.reason ?? null,
      occurredAt: entry.occurredAt,
      sourceEventId: entry.sourceEventId,
    },
  });
}
