import { Inject, Injectable } from '@nestjs/common';
import { CreditGate } from '../credit/credit-gate';
import { ApplicationAction, ApplicationState, PolicyProfileRegistry, toShanghaiDate, transition } from '@firstset/domain';
import { profileOf } from '../policy/application-profile';
import { ApplicationResubmitted, ResubmitApplicationV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, notFound, requireActor, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { assertNotBanned } from '../bans/active-ban';
import { IntakeErrors } from '../intake.errors';
import { Prisma } from '../generated/prisma/client';
import { Tx } from '../prisma';
import { appendHistory } from './application-history';
import { ApplicationSnapshot, diffSnapshots } from './application-snapshot';
import { ApplicationView, toApplicationView } from './application-view';
import { assertNoBlockingProblems } from './check-application';
import { correctionOf } from './correction-answers';
import { assertCorrectionOpen } from './update-draft';
import { recordVersion, snapshotWithMaterials, submittedPayload } from './submission-payload';
import { signPledge } from './truthfulness-pledge';

/**
 * After a return for correction (M7.3), the enterprise resubmits its revised application before
 * the deadline as a new version, having answered every item asked (the check refuses it otherwise):
 * a new declaration of facts, it signs the truthfulness pledge again (M10.1); every version is
 * kept, and the differences from the previous one and the answers travel to the
 * reviewer in `application.resubmitted`.
 */
@Injectable()
export class ResubmitApplication {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly credit: CreditGate,
    private readonly profiles: PolicyProfileRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(input: ResubmitApplicationV1, meta: MessageMeta): Promise<ApplicationView> {
    const actor = requireActor(meta, ['enterprise']);
    // Asked before the transaction: a slow credit platform holds no database connection.
    const credit = await this.credit.ask(actor.enterpriseUscc);
    const spec = { action: 'application.resubmit', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const app = await tx.application.findFirst({
        where: { id: input.applicationId, enterpriseUscc: actor.enterpriseUscc! },
        include: { enterprise: true },
      });
      if (!app) throw notFound('application');
      const profile = profileOf(this.profiles, app);
      // M10.1: a resubmitted version is a new declaration of facts, signed with the profile's pledge again.
      const pledge = signPledge(input.pledgeVersion, profile, now);
      if (app.state === ApplicationState.RETURNED_FOR_CORRECTION) {
        assertCorrectionOpen(app.correction, now);
        await assertNotBanned(tx, app.enterpriseUscc, toShanghaiDate(now));
        await assertNoBlockingProblems(tx, this.config.dbSchema, app, now, profile);
        await this.credit.assertCreditworthy(tx, credit, app.enterpriseUscc, app.id);
      }
      const { to } = domainRule(() =>
        transition(app.state as ApplicationState, ApplicationAction.resubmit, 'enterprise', {
          // Deadline and materials were checked above with their own errors (materials as for submission).
          facts: { correctionDeadlineNotPassed: true, requiredMaterialsAttached: true },
        }),
      );
      const previous = await tx.applicationVersion.findFirst({
        where: { applicationId: app.id },
        orderBy: { version: 'desc' },
      });
      const current = await snapshotWithMaterials(tx, app);
      const changes = previous ? diffSnapshots(previous.snapshot as unknown as ApplicationSnapshot, current) : [];
      const version = app.version + 1;
      const correction = { ...(app.correction as object), resubmittedAt: now.toISOString(), resubmittedVersion: version };
      const { count } = await tx.application.updateMany({
        where: { id: app.id, state: app.state, revision: app.revision },
        data: { state: to, version, submittedAt: now, correction: correction as Prisma.InputJsonValue },
      });
      if (count !== 1) throw IntakeErrors.concurrentChange();
      await appendHistory(tx, {
        applicationId: app.id,
        fromState: app.state as ApplicationState,
        toState: to,
        action: ApplicationAction.resubmit,
        actorRole: actor.role,
        actor,
        reason: `第 ${version} 版，修改 ${changes.length} 项 / version ${version}, ${changes.length} change(s)`,
        occurredAt: now,
      });
      const hash = await recordVersion(tx, current, app.id, version, changes, now, pledge);
      await this.outbox.append(
        tx,
        ApplicationResubmitted,
        { ...submittedPayload(app, version, now), previousVersion: app.version, changes, answers: correctionOf(app.correction)?.answers ?? [] },
        meta,
      );
      const updated = { ...app, state: to, version, submittedAt: now, correction };
      return { result: { ...toApplicationView(updated), contentSha256: hash, pledge }, detail: { version, changes: changes.length } };
    });
  }
}
