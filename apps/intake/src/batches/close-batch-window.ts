import { Injectable } from '@nestjs/common';
import { CloseBatchWindowV1 } from '@firstset/contracts';
import { PolicyProfileRegistry } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';
import { changeBatchWindow } from './change-batch-window';
import { BatchView } from './open-batch';

/** The Department closes an open window now, before its planned close (M7.1), with the reason. */
@Injectable()
export class CloseBatchWindow {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: CloseBatchWindowV1, meta: MessageMeta): Promise<BatchView> {
    requireActor(meta, ['department_officer']);
    const spec = { action: 'batch.close-window', objectType: 'batch', objectId: input.batchId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const batch = await tx.batch.findUnique({ where: { id: input.batchId } });
      if (!batch) throw IntakeErrors.batchNotFound();
      if (now < batch.windowOpensAt) throw IntakeErrors.windowNotOpen(batch.windowOpensAt);
      if (now >= batch.windowClosesAt) throw IntakeErrors.windowClosed(batch.windowClosesAt);
      const view = await changeBatchWindow(tx, this.outbox, meta, { batchId: batch.id, kind: 'close_early', newClosesAt: now, reason: input.reason }, now, this.profiles);
      return { result: view, detail: { previousClosesAt: batch.windowClosesAt.toISOString(), newClosesAt: view.windowClosesAt, reason: input.reason } };
    });
  }
}
