import { randomUUID } from 'node:crypto';
import { ApplicationAction, ApplicationState } from '@firstset/domain';
import { ActorContext } from '@firstset/messaging';
import { Tx } from '../prisma';
import { organisationOf } from './actor-organisation';

export interface HistoryEntry {
  applicationId: string;
  fromState: ApplicationState | null;
  toState: ApplicationState;
  action: ApplicationAction | 'create';
  actorRole: string;
  /** The person who took the step, as the gateway signed them (their own command or the event's); none for the system. */
  actor?: ActorContext;
  reason?: string | null;
  occurredAt: Date;
  /** The event that reported the change, when another service made it. */
  sourceEventId?: string;
}

/**
 * Appends one step of the application's timeline (what the enterprise reads as its status), with
 * the person behind it and the body they acted for, as they were then (issue 20 item 5).
 */
export async function appendHistory(tx: Tx, entry: HistoryEntry): Promise<void> {
  // Only someone in the step's own role is named: an event forwarded by a system step names nobody.
  const person = entry.actor?.role === entry.actorRole ? entry.actor : undefined;
  await tx.applicationHistory.create({
    data: {
      id: randomUUID(),
      applicationId: entry.applicationId,
      fromState: entry.fromState,
      toState: entry.toState,
      action: entry.action,
      actorRole: entry.actorRole,
      actorId: person?.userId ?? null,
      actorName: person?.displayName ?? null,
      actorOrg: person ? await organisationOf(tx, person) : null,
      reason: entry.reason ?? null,
      occurredAt: entry.occurredAt,
      sourceEventId: entry.sourceEventId,
    },
  });
}
