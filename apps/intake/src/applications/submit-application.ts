import { Injectable } from '@nestjs/common';
import { ApplicationAction, ApplicationState, toShanghaiDate, transition } from '@firstset/domain';
import { ApplicationRefDto, ApplicationSubmitted } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, notFound, requireActor } from '@firstset/service-kit';
import { assertNotBanned } from '../bans/active-ban';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';
import { appendHistory } from './application-history';
import { openBatchOrThrow } from './batch-window';
import { ApplicationView, toApplicationView } from './application-view';

/**
 * The enterprise submits its application to the prefecture where it is registered (M7.2). The
 * window must be open (M7.1) and the applicant not banned (M10.2); the hand-over to preliminary
 * review is the `application.submitted` event, committed with the state change.
 */
@Injectable()
export class SubmitApplication {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: ApplicationRefDto, meta: MessageMeta): Promise<ApplicationView> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'application.submit', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const app = await tx.application.findFirst({
        where: { id: input.applicationId, enterpriseUscc: actor.enterpriseUscc! },
        include: { enterprise: true },
      });
      if (!app) throw notFound('application');
      await openBatchOrThrow(tx, app.batchId, now);
      await assertNotBanned(tx, app.enterpriseUscc, toShanghaiDate(now));
      const { to } = domainRule(() =>
        transition(app.state as ApplicationState, ApplicationAction.submit, 'enterprise', {
          // Window and ban were checked above with their own errors; materials arrive with intake's
          // materials capability (issue 4): the skeleton's application has none to require.
          facts: { applicationWindowOpen: true, applicantNotBanned: true, requiredMaterialsAttached: true },
        }),
      );
      // Compare-and-set on the state: of two concurrent submits, the second changes nothing.
      const { count } = await tx.application.updateMany({
        where: { id: app.id, state: app.state },
        data: { state: to, submittedAt: now },
      });
      if (count !== 1) throw IntakeErrors.concurrentChange();
      const updated = { ...app, state: to, submittedAt: now };
      await appendHistory(tx, {
        applicationId: app.id,
        fromState: app.state as ApplicationState,
        toState: to,
        action: ApplicationAction.submit,
        actorRole: actor.role,
        occurredAt: now,
      });
      await this.outbox.append(
        tx,
        ApplicationSubmitted,
        {
          applicationId: app.id,
          batchId: app.batchId,
          applicationNo: app.applicationNo,
          version: app.version,
          prefectureId: app.prefectureId,
          enterprise: {
            uscc: app.enterprise.uscc,
            name: app.enterprise.name,
            registeredAddress: app.enterprise.registeredAddress,
          },
          product: {
            kind: app.productKind as never,
            name: app.productName,
            series: app.series,
            model: app.model,
            rdCompletedOn: app.rdCompletedOn,
          },
          submittedAt: now.toISOString(),
        },
        meta,
      );
      return { result: toApplicationView(updated) };
    });
  }
}
