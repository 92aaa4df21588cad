import { Injectable } from '@nestjs/common';
import { ExtendBatchWindowV1 } from '@firstset/contracts';
import { PolicyProfileRegistry } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';
import { changeBatchWindow } from './change-batch-window';
import { BatchView } from './open-batch';

/** The Department extends the application window (M7.1), with the reason on record. */
@Injectable()
export class ExtendBatchWindow {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: ExtendBatchWindowV1, meta: MessageMeta): Promise<BatchView> {
    requireActor(meta, ['department_officer']);
    const spec = { action: 'batch.extend-window', objectType: 'batch', objectId: input.batchId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const newClosesAt = new Date(input.windowClosesAt);
      const batch = await tx.batch.findUnique({ where: { id: input.batchId } });
      if (!batch) throw IntakeErrors.batchNotFound();
      if (newClosesAt <= batch.windowClosesAt || newClosesAt <= now) {
        throw IntakeErrors.windowChangeInvalid(
          `延长后的截止时间须晚于原截止时间 ${batch.windowClosesAt.toISOString()} 和当前时间`,
          `the new close must be later than the current close ${batch.windowClosesAt.toISOString()} and than now`,
        );
      }
      const view = await changeBatchWindow(
        tx,
        this.outbox,
        meta,
        { batchId: batch.id, kind: 'extend', newClosesAt, prefectureDeadline: input.prefectureDeadline, reason: input.reason },
        now,
        this.profiles,
      );
      return { result: view, detail: { previousClosesAt: batch.windowClosesAt.toISOString(), newClosesAt: view.windowClosesAt, reason: input.reason } };
    });
  }
}
