import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AssignmentAccepted, ExpertDisqualified, ReviewStarted } from '@firstset/contracts';
import { EventConsumers, isUuid } from '@firstset/messaging';
import { consumeEvent } from '@firstset/service-kit';
import { Tx } from '../prisma';

/**
 * Opens an application's materials to its reviewers as expert management reports them: the
 * commissioned institution when the comprehensive review starts (M8.1), an expert once the
 * assignment and the confidentiality undertaking are accepted (M11.1); closes them to an expert
 * who is disqualified (M11.2). Every download stays authorized and audited by intake.
 */
@Injectable()
export class ReviewerAccessConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers<Tx>) {}

  onModuleInit(): void {
    consumeEvent(this.consumers, ReviewStarted, {
      durable: 'intake-access-institutions',
      handler: (e, tx) => grant(tx, e.applicationId, 'institution', e.institutionId, new Date(e.startedAt)),
    });
    consumeEvent(this.consumers, AssignmentAccepted, {
      durable: 'intake-access-experts',
      handler: (e, tx) => grant(tx, e.applicationId, 'expert', e.expertId, new Date(e.acceptedAt)),
    });
    consumeEvent(this.consumers, ExpertDisqualified, {
      durable: 'intake-access-disqualified',
      handler: async (e, tx) => {
        if (!isUuid(e.expertId)) return; // no access was ever given to an id that is not one of ours
        await tx.reviewerAccess.updateMany({
          where: { granteeKind: 'expert', granteeId: e.expertId, revokedAt: null },
          data: { revokedAt: new Date(`${e.decisionDate}T00:00:00+08:00`) },
        });
      },
    });
  }
}

async function grant(tx: Tx, applicationId: string, granteeKind: 'institution' | 'expert', granteeId: string, grantedAt: Date): Promise<void> {
  await tx.reviewerAccess.createMany({ data: [{ id: randomUUID(), applicationId, granteeKind, granteeId, grantedAt }], skipDuplicates: true });
}
