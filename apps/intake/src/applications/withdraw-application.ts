import { Injectable } from '@nestjs/common';
import { ApplicationAction, ApplicationState, transition } from '@firstset/domain';
import { ApplicationWithdrawn, WithdrawApplicationV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, notFound, requireActor } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { closeReviewerAccess } from '../materials/reviewer-access.consumer';
import { Tx } from '../prisma';
import { appendHistory } from './application-history';
import { ApplicationView, toApplicationView } from './application-view';

/**
 * Applying is voluntary (M7.1): the enterprise may withdraw its application until the Department
 * decides the list; the domain's lifecycle says from which states.
 */
@Injectable()
export class WithdrawApplication {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: WithdrawApplicationV1, meta: MessageMeta): Promise<ApplicationView> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'application.withdraw', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const app = await tx.application.findFirst({ where: { id: input.applicationId, enterpriseUscc: actor.enterpriseUscc! } });
      if (!app) throw notFound('application');
      const { to } = domainRule(() =>
        transition(app.state as ApplicationState, ApplicationAction.withdraw, 'enterprise', { reason: input.reason }),
      );
      const { count } = await tx.application.updateMany({ where: { id: app.id, state: app.state }, data: { state: to } });
      if (count !== 1) throw IntakeErrors.concurrentChange();
      await appendHistory(tx, {
        applicationId: app.id,
        fromState: app.state as ApplicationState,
        toState: to,
        action: ApplicationAction.withdraw,
        actorRole: actor.role,
        actor,
        reason: input.reason,
        occurredAt: now,
      });
      await closeReviewerAccess(tx, app.id, now);
      await this.outbox.append(
        tx,
        ApplicationWithdrawn,
        { applicationId: app.id, ...(input.reason ? { reason: input.reason } : {}), withdrawnAt: now.toISOString() },
        meta,
      );
      return { result: toApplicationView({ ...app, state: to }) };
    });
  }
}
