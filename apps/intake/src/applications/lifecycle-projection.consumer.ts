import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApplicationAction, ApplicationState } from '@firstset/domain';
import {
  ApplicationRecommended,
  ApplicationReviewed,
  DecisionListed,
  PublicityStarted,
  RecognitionExpired,
  RecognitionIssued,
  RecognitionRevoked,
  ReviewStarted,
} from '@firstset/contracts';
import { EventConsumers, MessageContract, MessageMeta } from '@firstset/messaging';
import { Clock, consumeEvent } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { appendHistory } from './application-history';
import { notify, NotificationKind } from '../notifications/notify';

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
@Injectable()
export class LifecycleProjectionConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<Tx>,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const S = ApplicationState;
    const A = ApplicationAction;
    this.project(ApplicationRecommended, 'intake-status-recommended', (e) => ({
      applicationIds: [e.applicationId], action: A.recommend, to: S.RECOMMENDED, actorRole: 'prefecture_officer', reason: e.opinion, notice: 'recommended',
    }));
    this.project(ReviewStarted, 'intake-status-review-started', (e) => ({
      applicationIds: [e.applicationId], action: A.startComprehensiveReview, to: S.UNDER_COMPREHENSIVE_REVIEW, actorRole: 'department_officer',
    }));
    this.project(ApplicationReviewed, 'intake-status-reviewed', (e) => ({
      applicationIds: [e.applicationId], action: A.completeComprehensiveReview, to: S.REVIEWED, actorRole: 'institution_staff',
    }));
    this.project(DecisionListed, 'intake-status-decision-listed', (e) => ({
      applicationIds: e.applicationIds, action: A.placeOnDecisionList, to: S.ON_DECISION_LIST, actorRole: 'department_officer',
    }));
    this.project(PublicityStarted, 'intake-status-publicity', (e) => ({
      applicationIds: e.applicationIds, action: A.startPublicity, to: S.IN_PUBLICITY, actorRole: 'department_officer',
      reason: `公示期 ${e.startDate} 至 ${e.endDate} / publicity ${e.startDate} to ${e.endDate}`,
    }));
    this.project(RecognitionIssued, 'intake-status-recognized', (e) => ({
      applicationIds: [e.applicationId], action: A.issueRecognitionDocument, to: S.RECOGNIZED, actorRole: 'department_officer',
      reason: `${e.documentNo}，有效期至 ${e.validUntil} / valid until ${e.validUntil}`, notice: 'recognized',
    }));
    // M13.2: the validity ended; the enterprise sees it, and M6.4 still counts the recognition.
    this.project(RecognitionExpired, 'intake-status-expired', (e) => ({
      applicationIds: [e.applicationId], action: A.expire, to: S.EXPIRED, actorRole: 'system',
      reason: `有效期至 ${e.validUntil} 已届满 / valid until ${e.validUntil}`, notice: 'expired',
    }));
    this.project(RecognitionRevoked, 'intake-status-revoked', (e) => ({
      applicationIds: [e.applicationId], action: A.revoke, to: S.REVOKED, actorRole: 'department_officer', reason: e.reason, notice: 'revoked',
    }));
  }

  private project<T>(contract: MessageContract<T>, durable: string, toStep: (event: T) => Step): void {
    consumeEvent(this.consumers, contract, {
      durable,
      handler: async (event, tx, meta) => {
        const step = toStep(event);
        for (const applicationId of step.applicationIds) await this.apply(tx, applicationId, step, meta);
      },
    });
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
