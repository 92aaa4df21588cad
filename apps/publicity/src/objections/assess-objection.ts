import { Injectable } from '@nestjs/common';
import type { ObjectionDetailV1 } from '@firstset/contracts';
import { ApplicationAction, ApplicationState, PolicyProfileRegistry } from '@firstset/domain';
import { AssessObjectionV1, ObjectionAssessed } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { draftSupplementaryIfCleared } from '../recognitions/supplementary-document';
import { moveEntry, objectionForChange, saveObjection } from './objection-case';
import { toDetail } from './objection-view';

/**
 * The Department assesses a received objection (M9.3; ADR 0025): inadmissible, with the reasons the
 * objector reads, or admitted for investigation, which puts the entry OBJECTION_UNDER_INVESTIGATION.
 */
@Injectable()
export class AssessObjection {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: AssessObjectionV1, meta: MessageMeta): Promise<ObjectionDetailV1> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'objection.assess', objectType: 'objection', objectId: input.objectionId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const o = await objectionForChange(tx, input.objectionId, input.expectedVersion, 'received');
      let entryState = o.entry.candidate.state;
      if (input.outcome === 'under_investigation') {
        // The objection was lodged in time (checked when it was received): the guard's fact holds.
        entryState = await moveEntry(tx, o, ApplicationAction.raiseObjection, input.reason, { withinPublicityPeriod: true });
      }
      const saved = await saveObjection(tx, o, { status: input.outcome, assessedBy: actor.userId, assessedAt: now, assessment: input.reason });
      // Cleared after the publicity closed: into the supplementary document's draft (M9.3).
      if (input.outcome === 'inadmissible') await draftSupplementaryIfCleared(tx, o.entryId, now, this.profiles);
      await this.outbox.append(
        tx,
        ObjectionAssessed,
        {
          objectionId: o.id,
          applicationId: o.entry.applicationId,
          outcome: input.outcome,
          reason: input.reason,
          entryState: entryState as ApplicationState,
          assessedAt: now.toISOString(),
        },
        meta,
      );
      return { result: toDetail(saved), detail: { outcome: input.outcome, entryState } };
    });
  }
}
