import { createHash } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { ApplicationAction, ApplicationState } from '@firstset/domain';
import {
  ApplicationDecided,
  ApplicationDecidedV1,
  ApplicationRecommended,
  ApplicationRecommendedV1,
  ApplicationReviewed,
  ApplicationReviewedV1,
  DecisionListed,
  DecisionListedV1,
  DecisionListWithdrawn,
  DecisionListWithdrawnV1,
  ObjectionAssessed,
  ObjectionAssessedV1,
  ObjectionDecided,
  ObjectionDecidedV1,
  PublicityStarted,
  PublicityStartedV1,
  RecognitionExpired,
  RecognitionExpiredV1,
  RecognitionIssued,
  RecognitionIssuedV1,
  RecognitionRevoked,
  RecognitionRevokedV1,
  ReviewStarted,
  ReviewStartedV1,
} from '@firstset/contracts';
import { Consumes, MessageMeta } from '@firstset/messaging';
import { Clock } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { appendHistory } from './application-history';
import { notify, NotificationKind } from '../notifications/notify';

const S = ApplicationState;
const A = ApplicationAction;

interface Step {
  applicationIds: string[];
  action: ApplicationAction;
  to: ApplicationState;
  actorRole: string;
  reason?: string;
  /** The notice the enterprise gets in its inbox, if any. */
  notice?: NotificationKind;
}

/**
 * The application's status as the enterprise sees it, kept from the other services' events.
 * Those services own the decisions; intake records them. Events from different streams can
 * arrive out of order, so the current state is the one of the latest step by occurrence time.
 */
@Controller()
export class LifecycleProjectionConsumer {
  constructor(private readonly clock: Clock) {}

  @Consumes(ApplicationRecommended, { durable: 'intake-status-recommended' })
  recommended(e: ApplicationRecommendedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    return this.project(tx, meta, {
      applicationIds: [e.applicationId], action: A.recommend, to: S.RECOMMENDED, actorRole: 'prefecture_officer', reason: e.opinion, notice: 'recommended',
    });
  }

  @Consumes(ReviewStarted, { durable: 'intake-status-review-started' })
  reviewStarted(e: ReviewStartedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    return this.project(tx, meta, {
      applicationIds: [e.applicationId], action: A.startComprehensiveReview, to: S.UNDER_COMPREHENSIVE_REVIEW, actorRole: 'department_officer',
    });
  }

  @Consumes(ApplicationReviewed, { durable: 'intake-status-reviewed' })
  reviewed(e: ApplicationReviewedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    return this.project(tx, meta, {
      applicationIds: [e.applicationId], action: A.completeComprehensiveReview, to: S.REVIEWED, actorRole: 'institution_staff',
    });
  }

  @Consumes(DecisionListed, { durable: 'intake-status-decision-listed' })
  decisionListed(e: DecisionListedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    return this.project(tx, meta, {
      applicationIds: e.applicationIds, action: A.placeOnDecisionList, to: S.ON_DECISION_LIST, actorRole: 'department_officer',
    });
  }

  /**
   * M9.1: a decided list withdrawn before publication; its applications are REVIEWED again, each
   * enterprise told with the reason (one notice per application: ids derived from the event's).
   */
  @Consumes(DecisionListWithdrawn, { durable: 'intake-status-decision-withdrawn' })
  async decisionWithdrawn(e: DecisionListWithdrawnV1, tx: Tx, meta: MessageMeta): Promise<void> {
    for (const applicationId of e.applicationIds) {
      const perApplication = meta.eventId ? { ...meta, eventId: derivedId(meta.eventId, applicationId) } : meta;
      await this.apply(tx, applicationId, {
        applicationIds: [applicationId], action: A.withdrawDecision, to: S.REVIEWED, actorRole: 'department_officer', reason: e.reason, notice: 'decision_withdrawn',
      }, perApplication);
    }
  }

  /**
   * M9.1: the Department's decision on one application. The not selected move to NOT_SELECTED with
   * the reason; the selected moved with DecisionListed; the enterprise is told either way.
   */
  @Consumes(ApplicationDecided, { durable: 'intake-status-decided' })
  async decided(e: ApplicationDecidedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    if (e.outcome === 'not_selected') {
      return this.project(tx, meta, {
        applicationIds: [e.applicationId], action: A.notSelect, to: S.NOT_SELECTED, actorRole: 'department_officer', reason: e.reason, notice: 'not_selected',
      });
    }
    const app = await tx.application.findUnique({ where: { id: e.applicationId } });
    if (!app || !meta.eventId) return;
    await notify(tx, {
      enterpriseUscc: app.enterpriseUscc,
      applicationId: app.id,
      kind: 'selected',
      body: app.applicationNo,
      occurredAt: meta.occurredAt ? new Date(meta.occurredAt) : this.clock.now(),
      sourceEventId: meta.eventId,
    });
  }

  @Consumes(PublicityStarted, { durable: 'intake-status-publicity' })
  publicity(e: PublicityStartedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    return this.project(tx, meta, {
      applicationIds: e.applicationIds, action: A.startPublicity, to: S.IN_PUBLICITY, actorRole: 'department_officer',
      reason: `公示期 ${e.startDate} 至 ${e.endDate} / publicity ${e.startDate} to ${e.endDate}`,
    });
  }

  @Consumes(RecognitionIssued, { durable: 'intake-status-recognized' })
  recognized(e: RecognitionIssuedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    return this.project(tx, meta, {
      applicationIds: [e.applicationId], action: A.issueRecognitionDocument, to: S.RECOGNIZED, actorRole: 'department_officer',
      reason: `${e.documentNo}，有效期至 ${e.validUntil} / valid until ${e.validUntil}`, notice: 'recognized',
    });
  }

  /** M9.3: an objection admitted for investigation holds the entry (ADR 0025). */
  @Consumes(ObjectionAssessed, { durable: 'intake-status-objection-assessed' })
  async objectionAssessed(e: ObjectionAssessedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    if (e.outcome !== 'under_investigation') return;
    await this.project(tx, meta, {
      applicationIds: [e.applicationId], action: A.raiseObjection, to: S.OBJECTION_UNDER_INVESTIGATION, actorRole: 'department_officer',
    });
  }

  /** M9.3: upheld, the entry leaves the list; dismissed, it is back in publicity once no other objection is open (the notice: ObjectionEventsConsumer). */
  @Consumes(ObjectionDecided, { durable: 'intake-status-objection-decided' })
  async objectionDecided(e: ObjectionDecidedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    const upheld = e.outcome === 'upheld';
    if (!upheld && e.entryState !== S.IN_PUBLICITY) return;
    await this.project(tx, meta, {
      applicationIds: [e.applicationId],
      action: upheld ? A.upholdObjection : A.dismissObjection,
      to: upheld ? S.REMOVED_AFTER_OBJECTION : S.IN_PUBLICITY,
      actorRole: 'department_officer',
      reason: e.reason,
    });
  }

  /** M13.2: the validity ended; the enterprise sees it, and M6.4 still counts the recognition. */
  @Consumes(RecognitionExpired, { durable: 'intake-status-expired' })
  expired(e: RecognitionExpiredV1, tx: Tx, meta: MessageMeta): Promise<void> {
    return this.project(tx, meta, {
      applicationIds: [e.applicationId], action: A.expire, to: S.EXPIRED, actorRole: 'system',
      reason: `有效期至 ${e.validUntil} 已届满 / valid until ${e.validUntil}`, notice: 'expired',
    });
  }

  @Consumes(RecognitionRevoked, { durable: 'intake-status-revoked' })
  revoked(e: RecognitionRevokedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    return this.project(tx, meta, {
      applicationIds: [e.applicationId], action: A.revoke, to: S.REVOKED, actorRole: 'department_officer', reason: e.reason, notice: 'revoked',
    });
  }

  private async project(tx: Tx, meta: MessageMeta, step: Step): Promise<void> {
    for (const applicationId of step.applicationIds) await this.apply(tx, applicationId, step, meta);
  }

  private async apply(tx: Tx, applicationId: string, step: Step, meta: MessageMeta): Promise<void> {
    const app = await tx.application.findUnique({ where: { id: applicationId } });
    if (!app) return; // not an application of this intake (e.g. imported from elsewhere)
    const occurredAt = meta.occurredAt ? new Date(meta.occurredAt) : this.clock.now();
    const latest = await tx.applicationHistory.findFirst({
      where: { applicationId },
      orderBy: { occurredAt: 'desc' },
    });
    await appendHistory(tx, {
      applicationId,
      fromState: (latest?.toState as ApplicationState) ?? null,
      toState: step.to,
      action: step.action,
      actorRole: step.actorRole,
      actor: meta.actor,
      reason: step.reason,
      occurredAt,
      sourceEventId: step.applicationIds.length === 1 ? meta.eventId : undefined,
    });
    if (step.notice && meta.eventId && step.applicationIds.length === 1) {
      await notify(tx, {
        enterpriseUscc: app.enterpriseUscc,
        applicationId,
        kind: step.notice,
        body: `${app.applicationNo}${step.reason ? `：${step.reason}` : ''}`,
        occurredAt,
        sourceEventId: meta.eventId,
      });
    }
    if (!latest || latest.occurredAt <= occurredAt) {
      await tx.application.update({ where: { id: applicationId }, data: { state: step.to } });
    }
  }
}

/** A stable UUID for one application's share of an event about several (its history and notice). */
export function derivedId(eventId: string, applicationId: string): string {
  const h = createHash('sha256').update(`${eventId}:${applicationId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
