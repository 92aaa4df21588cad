import type { ClosedPublicityV1, CloseDueResultV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import { ApplicationState, objectionHolds, ObjectionStatus, PolicyProfileRegistry } from '@firstset/domain';
import { ClosePublicityV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { Candidate, Publicity } from '../generated/prisma/client';
import { draftDocument } from '../recognitions/recognition-document';
import { PublicityErrors } from '../publicity.errors';
import { Tx } from '../prisma';

export type CloseDueResult = CloseDueResultV1;

type Entry = { applicationId: string; seq: number; candidate: Candidate; objections: Array<{ status: string }> };

/** Whether an entry is cleared for the document: still in publicity, and no objection holds it (M9.3). */
export const cleared = (e: Pick<Entry, 'candidate' | 'objections'>) =>
  e.candidate.state === ApplicationState.IN_PUBLICITY && !e.objections.some((o) => objectionHolds(o.status as ObjectionStatus));

/**
 * Closes one publicity (M9.3): nobody may object any more, the list is CLOSED, and the entries
 * cleared go into the main document's draft (no number, no date: the Department issues it). Entries
 * an objection holds are left out and reported; when their case closes they are removed or go into
 * a supplementary document (ADR 0025). Compare-and-set: of two concurrent closers one closes.
 */
export async function closePublicity(tx: Tx, p: Publicity, now: Date, closedBy: string, profiles: PolicyProfileRegistry): Promise<ClosedPublicityV1 | null> {
  const cas = await tx.publicity.updateMany({ where: { id: p.id, status: 'open' }, data: { status: 'closed', closedAt: now, closedBy } });
  if (cas.count !== 1) return null;
  await tx.decisionList.update({ where: { id: p.decisionListId }, data: { status: 'CLOSED' } });
  const entries: Entry[] = await tx.decisionListEntry.findMany({
    where: { decisionListId: p.decisionListId },
    include: { candidate: true, objections: { select: { status: true } } },
    orderBy: { seq: 'asc' },
  });
  const closed: ClosedPublicityV1 = { publicityId: p.id, decisionListId: p.decisionListId, endDate: p.endDate, draftDocumentId: null, draftedApplicationIds: [], heldBack: [] };
  const drafted = entries.filter((e) => {
    if (cleared(e)) return true;
    const held = e.objections.some((o) => objectionHolds(o.status as ObjectionStatus));
    const reason = held ? '存在未办结异议 / an objection is open' : '申请已不在公示中 / no longer in publicity';
    closed.heldBack.push({ applicationId: e.applicationId, state: e.candidate.state, reason });
    return false;
  });
  if (drafted.length === 0) return closed;
  const first = drafted[0]!.candidate;
  const profile = domainRule(() => profiles.get({ id: first.policyProfileId, version: first.policyProfileVersion }));
  const candidates = drafted.map((e) => e.candidate);
  closed.draftDocumentId = await draftDocument(tx, { decisionListId: p.decisionListId, kind: 'main', publicity: p, entries: candidates, profile, now });
  closed.draftedApplicationIds = candidates.map((c) => c.applicationId);
  return closed;
}

/**
 * M9.3: every publicity whose period is over is closed with its main document drafted (run hourly
 * by the scheduler as the system, or by a Department officer). A publicity still running is left
 * alone and reported with its end date.
 */
@Injectable()
export class CloseDuePublicities {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(meta: MessageMeta): Promise<CloseDueResult> {
    const actor = requireActor(meta, ['department_officer', 'system']);
    return this.commands.run(meta, { action: 'publicity.close-due', objectType: 'publicity' }, async (tx) => {
      const now = this.clock.now();
      const open = await tx.publicity.findMany({ where: { status: 'open' }, orderBy: { endsAt: 'asc' } });
      const result: CloseDueResult = { closed: [], running: [] };
      for (const p of open) {
        if (p.endsAt > now) {
          const { id: publicityId, decisionListId, startDate, endDate } = p;
          result.running.push({ publicityId, decisionListId, startDate, endDate, endsAt: p.endsAt.toISOString() });
          continue;
        }
        const closed = await closePublicity(tx, p, now, actor.userId, this.profiles);
        if (closed) result.closed.push(closed);
      }
      return { result, detail: { closed: result.closed.map((c) => c.publicityId), running: result.running.length } };
    });
  }
}

/** A Department officer closes one publicity by command; before its period is over it is refused (M9.3). */
@Injectable()
export class ClosePublicity {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: ClosePublicityV1, meta: MessageMeta): Promise<ClosedPublicityV1> {
    const actor = requireActor(meta, ['department_officer']);
    return this.commands.run(meta, { action: 'publicity.close', objectType: 'publicity', objectId: input.publicityId }, async (tx) => {
      const now = this.clock.now();
      const p = await tx.publicity.findUnique({ where: { id: input.publicityId } });
      if (!p) throw PublicityErrors.noticeNotFound();
      if (p.status !== 'open') throw PublicityErrors.alreadyClosed();
      if (p.endsAt > now) throw PublicityErrors.notOver(p.endDate);
      const closed = await closePublicity(tx, p, now, actor.userId, this.profiles);
      if (!closed) throw PublicityErrors.alreadyClosed();
      return { result: closed, detail: { draftDocumentId: closed.draftDocumentId, held: closed.heldBack.length } };
    });
  }
}
