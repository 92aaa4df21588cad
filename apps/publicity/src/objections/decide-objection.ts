import { Injectable } from '@nestjs/common';
import type { ObjectionDetailV1 } from '@firstset/contracts';
import { ApplicationAction, ApplicationState, PolicyProfileRegistry } from '@firstset/domain';
import { DecideObjectionV1, ObjectionDecided } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { draftSupplementaryIfCleared } from '../recognitions/supplementary-document';
import { moveEntry, objectionForChange, saveObjection } from './objection-case';
import { ObjectionRow, toDetail } from './objection-view';

/**
 * The investigation ends (M9.3; ADR 0025). Upheld: the entry is REMOVED_AFTER_OBJECTION and the
 * enterprise is told why. Dismissed: the entry goes back IN_PUBLICITY, unless another objection on
 * it is still under investigation, and the objector reads the reasons on the follow page.
 */
@Injectable()
export class DecideObjection {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: DecideObjectionV1, meta: MessageMeta): Promise<ObjectionDetailV1> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'objection.decide', objectType: 'objection', objectId: input.objectionId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const o = await objectionForChange(tx, input.objectionId, input.expectedVersion, 'under_investigation');
      const entryState = await this.moveEntry(tx, o, input);
      const saved = await saveObjection(tx, o, { status: input.outcome, outcomeBy: actor.userId, outcomeAt: now, outcomeReason: input.reason });
      // Cleared after the publicity closed: into the supplementary document's draft (M9.3).
      if (input.outcome === 'dismissed') await draftSupplementaryIfCleared(tx, o.entryId, now, this.profiles);
      const c = o.entry.candidate;
      await this.outbox.append(
        tx,
        ObjectionDecided,
        {
          objectionId: o.id,
          applicationId: c.applicationId,
          applicationNo: c.applicationNo,
          enterpriseUscc: c.uscc,
          outcome: input.outcome,
          reason: input.reason,
          entryState,
          decidedAt: now.toISOString(),
        },
        meta,
      );
      return { result: toDetail(saved), detail: { outcome: input.outcome, entryState } };
    });
  }

  private async moveEntry(tx: Tx, o: ObjectionRow, input: DecideObjectionV1): Promise<string> {
    const state = o.entry.candidate.state;
    // Another objection upheld first: the entry is already out of the list and stays so.
    if (state === ApplicationState.REMOVED_AFTER_OBJECTION) return state;
    if (input.outcome === 'upheld') return moveEntry(tx, o, ApplicationAction.upholdObjection, input.reason);
    const others = await tx.objection.count({ where: { entryId: o.entryId, id: { not: o.id }, status: 'under_investigation' } });
    if (others > 0) return state;
    return moveEntry(tx, o, ApplicationAction.dismissObjection, input.reason, { allObjectionsResolved: true });
  }
}
