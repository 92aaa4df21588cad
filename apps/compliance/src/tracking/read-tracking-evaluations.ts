import { Inject, Injectable } from '@nestjs/common';
import type { TrackableRecognitionPageV1, TrackingEvaluationPageV1, TrackingEvaluationViewV1 } from '@firstset/contracts';
import { GetTrackingEvaluationV1, ListTrackableRecognitionsV1, ListTrackingEvaluationsV1, pageOf } from '@firstset/contracts';
import { ApplicationState, toShanghaiDate, yearOf } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { maySeeEvaluation, TRACKING_INCLUDE, TRACKING_READERS, toTrackingView } from './tracking-view';

/**
 * Tracking evaluations (M12.2): the Department and the auditor across prefectures, a prefecture
 * its area's, an enterprise the requests addressed to it; and a prefecture's valid recognized
 * products to evaluate.
 */
@Injectable()
export class ReadTrackingEvaluations {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(input: ListTrackingEvaluationsV1, meta: MessageMeta): Promise<TrackingEvaluationPageV1> {
    const actor = requireActor(meta, [...TRACKING_READERS, 'prefecture_officer', 'enterprise']);
    const { page, pageSize, skip, take } = pageOf(input);
    const where: Prisma.TrackingEvaluationWhereInput = {
      ...(input.year ? { year: input.year } : {}),
      ...(input.status ? { status: input.status } : {}),
      // The enterprise does not read the conclusion, so it cannot filter by it either.
      ...(input.conclusion && actor.role !== 'enterprise' ? { conclusion: input.conclusion } : {}),
      ...(input.prefectureId ? { prefectureId: input.prefectureId } : {}),
      // A prefecture and an enterprise read their own only, whatever they filter by.
      ...(actor.role === 'prefecture_officer' ? { prefectureId: actor.prefectureId ?? '-' } : {}),
      ...(actor.role === 'enterprise' ? { uscc: actor.enterpriseUscc ?? '-' } : {}),
    };
    const [total, rows] = await Promise.all([
      this.db.trackingEvaluation.count({ where }),
      this.db.trackingEvaluation.findMany({ where, include: TRACKING_INCLUDE, orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }], skip, take }),
    ]);
    return { items: rows.map((r) => toTrackingView(r, actor)), total, page, pageSize };
  }

  async get(input: GetTrackingEvaluationV1, meta: MessageMeta): Promise<TrackingEvaluationViewV1> {
    const actor = requireActor(meta, [...TRACKING_READERS, 'prefecture_officer', 'enterprise']);
    const e = await this.db.trackingEvaluation.findUnique({ where: { id: input.evaluationId }, include: TRACKING_INCLUDE });
    if (!e || !maySeeEvaluation(actor, e)) throw ComplianceErrors.trackingNotFound();
    return toTrackingView(e, actor);
  }

  /** The prefecture's valid recognitions (recognized, not revoked, not past their term), oldest document first. */
  async recognitions(input: ListTrackableRecognitionsV1, meta: MessageMeta): Promise<TrackableRecognitionPageV1> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const today = toShanghaiDate(this.clock.now());
    const year = input.year ?? yearOf(today);
    const { page, pageSize, skip, take } = pageOf(input);
    const where: Prisma.RecognitionWhereInput = {
      prefectureId: actor.prefectureId ?? '-',
      state: ApplicationState.RECOGNIZED,
      revocation: { is: null },
      validUntil: { gte: today },
    };
    const [total, rows] = await Promise.all([
      this.db.recognition.count({ where }),
      this.db.recognition.findMany({
        where,
        include: { trackingEvaluations: { where: { year }, select: { id: true, status: true, dueOn: true } } },
        orderBy: [{ documentDate: 'asc' }, { enterpriseName: 'asc' }, { id: 'asc' }],
        skip,
        take,
      }),
    ]);
    const items = rows.map((r) => {
      const e = r.trackingEvaluations[0];
      return {
        recognitionId: r.id,
        uscc: r.uscc,
        enterpriseName: r.enterpriseName,
        productName: r.productName,
        model: r.model,
        documentNo: r.documentNo,
        documentDate: r.documentDate,
        validUntil: r.validUntil,
        evaluation: e ? { id: e.id, status: e.status as 'requested' | 'reported' | 'concluded', dueOn: e.dueOn } : null,
      };
    });
    return { items, total, page, pageSize, year };
  }
}
