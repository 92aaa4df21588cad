import { Injectable } from '@nestjs/common';
import { CreditGate } from '../credit/credit-gate';
import { ApplicationAction, ApplicationState, PolicyProfileRegistry, toShanghaiDate, transition } from '@firstset/domain';
import { profileOf } from '../policy/application-profile';
import { ApplicationSubmitted, SubmitApplicationV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, notFound, requireActor } from '@firstset/service-kit';
import { assertNotBanned } from '../bans/active-ban';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';
import { appendHistory } from './application-history';
import { openBatchOrThrow } from './batch-window';
import { ApplicationView, toApplicationView } from './application-view';
import { assertNoBlockingProblems } from './check-application';
import { snapshotOf } from './application-snapshot';
import { recordVersion, ReviewFacts, reviewFacts, snapshotWithMaterials, submittedPayload } from './submission-payload';
import { signPledge } from './truthfulness-pledge';

/**
 * The enterprise submits its application to the prefecture where it is registered (M7.2). The
 * window must be open (M7.1) and the applicant not banned (M10.2); the hand-over to preliminary
 * review is the `application.submitted` event, committed with the state change, and the
 * submitted form is kept as version 1 with the truthfulness pledge signed (M10.1). Blocking
 * problems of the pre-submission check refuse it: a blank declaration (M5, M6) and, under a
 * profile that requires them, a missing material (M7.4).
 */
@Injectable()
export class SubmitApplication {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly credit: CreditGate,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async execute(input: SubmitApplicationV1, meta: MessageMeta): Promise<ApplicationView> {
    const actor = requireActor(meta, ['enterprise']);
    // Asked before the transaction: a slow credit platform holds no database connection.
    const credit = await this.credit.ask(actor.enterpriseUscc);
    const spec = { action: 'application.submit', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const app = await tx.application.findFirst({
        where: { id: input.applicationId, enterpriseUscc: actor.enterpriseUscc! },
        include: { enterprise: true },
      });
      if (!app) throw notFound('application');
      // M10.1: the pledge of the batch's profile, in the version the enterprise was shown.
      const profile = profileOf(this.profiles, app);
      const pledge = signPledge(input.pledgeVersion, profile, now);
      await openBatchOrThrow(tx, app.batchId, now);
      await assertNotBanned(tx, app.enterpriseUscc, toShanghaiDate(now));
      let facts: ReviewFacts = {};
      if (app.state === ApplicationState.DRAFT) {
        const check = await assertNoBlockingProblems(tx, app, now, profile);
        // M5.1, M7.4(2): serious dishonesty or abnormal operations refuse the submission; the answer is kept.
        await this.credit.assertCreditworthy(tx, credit, app.enterpriseUscc, app.id);
        facts = reviewFacts(snapshotOf(app), credit, check, now, pledge);
      }
      const { to } = domainRule(() =>
        transition(app.state as ApplicationState, ApplicationAction.submit, 'enterprise', {
          // Window, ban and materials were checked above with their own errors: missing materials block
          // in the pre-submission check when the profile requires them (M7.4), and are warnings otherwise.
          facts: { applicationWindowOpen: true, applicantNotBanned: true, requiredMaterialsAttached: true },
        }),
      );
      // Compare-and-set on state and revision: a concurrent submit or autosave makes this one retry.
      const { count } = await tx.application.updateMany({
        where: { id: app.id, state: app.state, revision: app.revision },
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
        actor,
        occurredAt: now,
      });
      const hash = await recordVersion(tx, await snapshotWithMaterials(tx, app), app.id, app.version, [], now, pledge);
      await this.outbox.append(tx, ApplicationSubmitted, submittedPayload(app, app.version, now, facts), meta);
      return { result: { ...toApplicationView(updated), contentSha256: hash, pledge } };
    });
  }
}
