import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import {
  AssignmentAccepted,
  AssignmentAcceptedV1,
  AssignmentEnded,
  AssignmentEndedV1,
  ExpertDisqualified,
  ExpertDisqualifiedV1,
  InterimMeasureChanged,
  InterimMeasureChangedV1,
  ReviewMoved,
  ReviewMovedV1,
  ReviewStarted,
  ReviewStartedV1,
} from '@firstset/contracts';
import { Consumes, isUuid } from '@firstset/messaging';
import { Tx } from '../prisma';

/**
 * Opens an application's materials to its reviewers as expert management reports them: the
 * commissioned institution when the comprehensive review starts (M8.1), an expert once the
 * assignment and the confidentiality undertaking are accepted (M11.1); closes them to an expert
 * who is disqualified (M11.2) or whose assignment ended; moves them from an institution whose
 * commission ended (or that was banned, M10.3) to the one taking over; keeps them closed to an
 * institution or expert whose work is suspended while a compliance case is heard (ADR 0026).
 * Every download stays authorized and audited by intake.
 */
@Controller()
export class ReviewerAccessConsumer {
  @Consumes(ReviewStarted, { durable: 'intake-access-institutions' })
  async grantInstitution(e: ReviewStartedV1, tx: Tx): Promise<void> {
    await grant(tx, e.applicationId, 'institution', e.institutionId, new Date(e.startedAt));
  }

  @Consumes(AssignmentAccepted, { durable: 'intake-access-experts' })
  async grantExpert(e: AssignmentAcceptedV1, tx: Tx): Promise<void> {
    await grant(tx, e.applicationId, 'expert', e.expertId, new Date(e.acceptedAt));
  }

  @Consumes(AssignmentEnded, { durable: 'intake-access-assignment-ended' })
  async revokeAssignment(e: AssignmentEndedV1, tx: Tx): Promise<void> {
    await revoke(tx, e.applicationId, 'expert', e.expertId, new Date(e.endedAt));
  }

  @Consumes(ReviewMoved, { durable: 'intake-access-review-moved' })
  async moveInstitution(e: ReviewMovedV1, tx: Tx): Promise<void> {
    const at = new Date(e.movedAt);
    if (e.fromInstitutionId) await revoke(tx, e.applicationId, 'institution', e.fromInstitutionId, at);
    if (e.toInstitutionId) await grant(tx, e.applicationId, 'institution', e.toInstitutionId, at);
  }

  @Consumes(ExpertDisqualified, { durable: 'intake-access-disqualified' })
  async revokeExpert(e: ExpertDisqualifiedV1, tx: Tx): Promise<void> {
    if (!isUuid(e.expertId)) return; // no access was ever given to an id that is not one of ours
    await tx.reviewerAccess.updateMany({
      where: { granteeKind: 'expert', granteeId: e.expertId, revokedAt: null },
      data: { revokedAt: new Date(`${e.decisionDate}T00:00:00+08:00`) },
    });
  }

  /** A suspension holds the grants closed (`readableApplication`) until the case that started it ends it. */
  @Consumes(InterimMeasureChanged, { durable: 'intake-access-interim-measures' })
  async suspend(e: InterimMeasureChangedV1, tx: Tx): Promise<void> {
    if (!isUuid(e.subjectId)) return;
    const granteeKind = e.measure === 'institution_work_suspended' ? 'institution' : 'expert';
    const key = { granteeKind, granteeId: e.subjectId };
    if (e.change === 'started') {
      const row = { from: e.on, caseNo: e.caseNo, recordedAt: new Date(e.changedAt) };
      await tx.suspendedReviewer.upsert({ where: { granteeKind_granteeId: key }, create: { ...key, ...row }, update: row });
    } else {
      await tx.suspendedReviewer.deleteMany({ where: { ...key, caseNo: e.caseNo } });
    }
  }
}

/** Opens the materials; a grant revoked earlier (e.g. the same institution commissioned again) opens again. */
async function grant(tx: Tx, applicationId: string, granteeKind: 'institution' | 'expert', granteeId: string, grantedAt: Date): Promise<void> {
  await tx.reviewerAccess.createMany({ data: [{ id: randomUUID(), applicationId, granteeKind, granteeId, grantedAt }], skipDuplicates: true });
  await tx.reviewerAccess.updateMany({
    where: { applicationId, granteeKind, granteeId, revokedAt: { not: null, lte: grantedAt } },
    data: { revokedAt: null, grantedAt },
  });
}

/**
 * A withdrawn application (M7.1, M10.2) is no longer reviewed: every reviewer (institution,
 * experts) loses its materials at once, before expert management's own events arrive.
 */
export async function closeReviewerAccess(tx: Tx, applicationId: string, at: Date): Promise<void> {
  await tx.reviewerAccess.updateMany({ where: { applicationId, revokedAt: null }, data: { revokedAt: at } });
}

async function revoke(tx: Tx, applicationId: string, granteeKind: 'institution' | 'expert', granteeId: string, at: Date): Promise<void> {
  await tx.reviewerAccess.updateMany({ where: { applicationId, granteeKind, granteeId, revokedAt: null }, data: { revokedAt: at } });
}
