import { Injectable } from '@nestjs/common';
import type { ApplicationSummaryV1 } from '@firstset/contracts';
import { Tx } from '../prisma';
import { chinaDate, Mark, MarkKind, resubmissionOf, timeline } from './timeline';

/** What an event may tell about an application besides its marks. */
export interface ApplicationFacts {
  applicationNo?: string;
  batchId?: string;
  prefectureId?: string;
  uscc?: string;
  recognitionId?: string;
}

export const factsOf = (s: ApplicationSummaryV1): ApplicationFacts => ({
  applicationNo: s.applicationNo,
  batchId: s.batchId,
  prefectureId: s.prefectureId,
  uscc: s.enterprise.uscc,
});

/**
 * The projection's one writer: every consumer records an application's facts and marks here, in
 * the inbox transaction, and the application's state and stage rows are recomputed from all its
 * marks. A redelivered mark is the same row (its key is application, kind and time).
 */
@Injectable()
export class ProjectionStore {
  async record(tx: Tx, applicationId: string, facts: ApplicationFacts, marks: Array<{ kind: MarkKind; at: Date | string }>): Promise<void> {
    const known = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined && v !== ''));
    await tx.application.upsert({ where: { id: applicationId }, create: { id: applicationId, state: 'DRAFT', ...known }, update: known });
    if (marks.length > 0) {
      await tx.applicationMark.createMany({
        data: marks.map((m) => ({ applicationId, kind: m.kind, at: new Date(m.at) })),
        skipDuplicates: true,
      });
    }
    await this.recompute(tx, applicationId);
  }

  async recompute(tx: Tx, applicationId: string): Promise<void> {
    const app = await tx.application.findUniqueOrThrow({ where: { id: applicationId } });
    const marks: Mark[] = (await tx.applicationMark.findMany({ where: { applicationId } })).map((m) => ({ kind: m.kind as MarkKind, at: m.at }));
    const t = timeline(marks);
    const submittedOn = t.submittedAt ? new Date(`${chinaDate(t.submittedAt)}T00:00:00Z`) : null;
    await tx.application.update({
      where: { id: applicationId },
      data: {
        state: t.state,
        submittedAt: t.submittedAt,
        submittedOn,
        preliminaryConcludedAt: t.preliminaryConcludedAt,
        preliminaryOutcome: t.preliminaryOutcome,
        returnCount: t.returnCount,
      },
    });
    await tx.applicationStage.deleteMany({ where: { applicationId } });
    if (t.stages.length > 0) {
      await tx.applicationStage.createMany({
        data: t.stages.map((s) => ({
          applicationId,
          stage: s.stage,
          batchId: app.batchId,
          prefectureId: app.prefectureId,
          submittedOn,
          visits: s.visits,
          seconds: s.seconds,
          enteredAt: s.enteredAt,
          leftAt: s.leftAt,
          openSince: s.openSince,
        })),
      });
    }
    for (const r of await tx.correctionReturn.findMany({ where: { applicationId } })) {
      const resubmittedAt = resubmissionOf(r.returnedAt, marks);
      if ((resubmittedAt?.getTime() ?? null) !== (r.resubmittedAt?.getTime() ?? null)) {
        await tx.correctionReturn.update({ where: { applicationId_returnedAt: { applicationId, returnedAt: r.returnedAt } }, data: { resubmittedAt } });
      }
    }
  }
}
