import { Controller } from '@nestjs/common';
import { ApplicantBanImposed, ApplicantBanImposedV1, ApplicationWithdrawn, SanctionChanged, SanctionChangedV1 } from '@firstset/contracts';
import { allowedActions, ApplicationAction, ApplicationState, parseLocalDate, stoppedByNoticeText, toShanghaiDate, transition } from '@firstset/domain';
import { Consumes, MessageMeta, Outbox } from '@firstset/messaging';
import { Clock } from '@firstset/service-kit';
import { appendHistory } from '../applications/application-history';
import { derivedId } from '../applications/lifecycle-projection.consumer';
import { closeReviewerAccess } from '../materials/reviewer-access.consumer';
import { notify } from '../notifications/notify';
import { Tx } from '../prisma';
import { BanRow, banError } from './active-ban';

const S = ApplicationState;
/**
 * What a ban stops (M10.2): drafts cannot be submitted, and every application the system may
 * still withdraw (the lifecycle says which: up to the Department's decision) is withdrawn.
 * Preliminary review, expert management and publicity each end their case on the withdrawal.
 */
const STOPPED = [S.DRAFT, ...Object.values(S).filter((s) => allowedActions(s, 'system').includes(ApplicationAction.withdraw))];

/** Keeps intake's projection of compliance's applicant bans (M10.2). */
@Controller()
export class ApplicantBansConsumer {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /**
   * A ban decided in a compliance case (ADR 0026). When it bars today, the applicant's
   * applications in progress stop and each gets a notice saying the measure, its reason, its
   * period and its end date: a draft stays a draft it cannot submit until the ban ends, one
   * submitted (at the prefecture, recommended, under comprehensive review or reviewed) is
   * withdrawn by the system and its reviewers lose the materials; the services reviewing it end
   * their case on `ApplicationWithdrawn`.
   */
  @Consumes(ApplicantBanImposed, { durable: 'intake-applicant-bans' })
  async keep(ban: ApplicantBanImposedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    const known = await tx.applicantBan.findUnique({ where: { id: ban.banId } });
    if (known) return;
    const row = await tx.applicantBan.create({
      data: { id: ban.banId, uscc: ban.uscc, startsOn: ban.startsOn, endsOn: ban.endsOn, reason: ban.reason, revocationId: ban.revocationId },
    });
    await this.stopApplications(tx, row, meta);
  }

  /** When the ban bars today: each application in progress stops, with its notice (ids derived from the event's). */
  private async stopApplications(tx: Tx, ban: BanRow & { id: string }, meta: MessageMeta): Promise<void> {
    const now = this.clock.now();
    if (!meta.eventId || !banError([ban], ban.uscc, toShanghaiDate(now))) return;
    const period = { from: parseLocalDate(ban.startsOn), until: parseLocalDate(ban.endsOn) };
    const apps = await tx.application.findMany({ where: { enterpriseUscc: ban.uscc, state: { in: STOPPED } }, orderBy: { applicationNo: 'asc' } });
    for (const app of apps) {
      const notice = stoppedByNoticeText({
        what: { zh: `申报 ${app.applicationNo}（${app.productName}）`, en: `Application ${app.applicationNo} (${app.productName})` },
        measure: 'applicant_ban',
        reasons: ban.reason,
        period,
      });
      const eventId = derivedId(meta.eventId, app.id);
      if (app.state !== S.DRAFT) {
        const { to } = transition(app.state as ApplicationState, ApplicationAction.withdraw, 'system', { reason: notice.zh });
        const { count } = await tx.application.updateMany({ where: { id: app.id, state: app.state }, data: { state: to } });
        if (count !== 1) throw new Error(`application ${app.id} changed meanwhile`); // redelivered, judged again
        await appendHistory(tx, { applicationId: app.id, fromState: app.state as ApplicationState, toState: to, action: ApplicationAction.withdraw, actorRole: 'system', reason: notice.zh, occurredAt: now, sourceEventId: eventId });
        await closeReviewerAccess(tx, app.id, now);
        await this.outbox.append(tx, ApplicationWithdrawn, { applicationId: app.id, reason: notice.zh, withdrawnAt: now.toISOString() }, meta);
      }
      await notify(tx, { enterpriseUscc: ban.uscc, applicationId: app.id, kind: 'stopped_by_sanction', body: `${notice.zh}\n${notice.en}`, occurredAt: now, sourceEventId: eventId });
    }
  }

  /**
   * ADR 0026: a ban lifted early or set aside no longer refuses the applicant from its day; one
   * suspended does not while suspended; resumed, it stops again what is in progress. The ban's id
   * is its sanction's in the registry.
   */
  @Consumes(SanctionChanged, { durable: 'intake-applicant-ban-changes' })
  async change(e: SanctionChangedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    if (e.measure !== 'applicant_ban') return;
    const data =
      e.change === 'lifted' || e.change === 'set_aside'
        ? { liftedOn: e.on }
        : e.change === 'suspended'
          ? { suspendedOn: e.on }
          : e.change === 'resumed'
            ? { suspendedOn: null }
            : null;
    if (!data) return;
    const where = e.change === 'resumed' ? { id: e.sanctionId, suspendedOn: { not: null } } : { id: e.sanctionId };
    const { count } = await tx.applicantBan.updateMany({ where, data });
    // Resumed, the ban bars again at once: what the applicant started meanwhile stops as at imposition.
    const ban = e.change === 'resumed' && count === 1 ? await tx.applicantBan.findUnique({ where: { id: e.sanctionId } }) : null;
    if (ban) await this.stopApplications(tx, ban, meta);
  }
}
