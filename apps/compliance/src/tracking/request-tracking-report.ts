import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TrackingEvaluationViewV1 } from '@firstset/contracts';
import { RequestTrackingReportV1, TrackingReportRequested } from '@firstset/contracts';
import { addDays, ApplicationState, LocalDate, toShanghaiDate, yearOf } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Tx } from '../prisma';
import { toTrackingView, TRACKING_INCLUDE } from './tracking-view';

/** Days the enterprise has at least to report (ours: the Measures are silent). */
export const MIN_REPORT_DAYS = 7;

/**
 * The prefecture asks the enterprise of a valid recognition of its area for the year's tracking
 * report (M12.2; ADR 0026). A recognition of another prefecture is not found; one evaluation per
 * recognition and year, for a year from the recognition's to this one. The enterprise hears of it
 * in its inbox (`TrackingReportRequested`, published with the request).
 */
@Injectable()
export class RequestTrackingReport {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: RequestTrackingReportV1, meta: MessageMeta): Promise<TrackingEvaluationViewV1> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const id = randomUUID();
    const spec = { action: 'tracking-evaluation.request', objectType: 'tracking_evaluation', objectId: id };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const rec = await tx.recognition.findUnique({ where: { id: input.recognitionId }, include: { revocation: true } });
      if (!rec || !actor.prefectureId || rec.prefectureId !== actor.prefectureId) throw ComplianceErrors.recognitionNotFound();
      const valid = rec.state === ApplicationState.RECOGNIZED && !rec.revocation && rec.validUntil >= today;
      if (!valid) throw ComplianceErrors.trackingRecognitionNotValid(rec.revocation ? 'REVOKED' : rec.state);
      const [from, to] = [yearOf(rec.documentDate as LocalDate), yearOf(today)];
      if (input.year < from || input.year > to) throw ComplianceErrors.trackingYearOutOfRange(input.year, from, to);
      const earliest = addDays(today, MIN_REPORT_DAYS);
      if (input.dueOn < earliest) throw ComplianceErrors.trackingDueTooSoon(earliest);
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `compliance:tracking:${rec.id}:${input.year}`);
      if (await tx.trackingEvaluation.findUnique({ where: { recognitionId_year: { recognitionId: rec.id, year: input.year } } })) {
        throw ComplianceErrors.trackingAlreadyRequested(input.year);
      }
      const row = await tx.trackingEvaluation.create({
        data: {
          id,
          recognitionId: rec.id,
          year: input.year,
          prefectureId: rec.prefectureId,
          uscc: rec.uscc,
          status: 'requested',
          dueOn: input.dueOn,
          requestNote: input.note,
          requestedBy: actor.userId,
          requestedAt: now,
        },
        include: TRACKING_INCLUDE,
      });
      await this.outbox.append(
        tx,
        TrackingReportRequested,
        {
          evaluationId: id,
          recognitionId: rec.id,
          applicationId: rec.applicationId,
          uscc: rec.uscc,
          enterpriseName: rec.enterpriseName,
          productName: rec.productName,
          year: input.year,
          dueOn: input.dueOn,
          note: input.note,
          prefectureId: rec.prefectureId,
          requestedAt: now.toISOString(),
        },
        meta,
      );
      return { result: toTrackingView(row, actor), detail: { recognitionId: rec.id, year: input.year, dueOn: input.dueOn } };
    });
  }
}
