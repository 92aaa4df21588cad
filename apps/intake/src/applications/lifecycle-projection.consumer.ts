import { Controller } from '@nestjs/common';
import { ApplicationAction, ApplicationState } from '@firstset/domain';
import {
  ApplicationRecommended,
  ApplicationRecommendedV1,
  ApplicationReviewed,
  ApplicationReviewedV1,
  DecisionListed,
  DecisionListedV1,
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
