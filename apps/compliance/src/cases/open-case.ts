import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ComplianceCaseViewV1 } from '@firstset/contracts';
import { OpenComplianceCaseV1 } from '@firstset/contracts';
import { caseIsOpen, CaseStatus, interimMeasureFor, MEASURE_GROUNDS, toShanghaiDate, yearOf } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, PRISMA, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Db, Tx } from '../prisma';
import { CaseSubject, CaseSubjects } from './case-subjects';
import { nextCaseNo } from './case-store';
import { CASE_INCLUDE, toCaseView } from './case-view';
import { announceInterimMeasure } from './interim-measure';

const OPEN_STATUSES: CaseStatus[] = ['opened', 'notified', 'statement_received'];

/**
 * The Department opens a compliance case with the facts (ADR 0026). The subject is checked to
 * exist first, nothing is recorded otherwise; one open case per subject at a time. An interim
 * suspension of an institution's or expert's work starts the day the case opens, and the gates
 * are told at once.
 */
@Injectable()
export class OpenCase {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly subjects: CaseSubjects,
    private readonly outbox: Outbox,
    @Inject(PRISMA) private readonly db: Db,
  ) {}

  async execute(input: OpenComplianceCaseV1, meta: MessageMeta): Promise<ComplianceCaseViewV1> {
    const actor = requireActor(meta, ['department_officer']);
    const subject = await this.subjects.resolve(this.db, input, meta);
    const interim = input.interim ? interimMeasureFor(subject.kind) : null;
    if (input.interim && !interim) throw ComplianceErrors.interimNotPossible();
    const source = input.trackingEvaluationId ? await this.trackingSource(input.trackingEvaluationId, subject) : (input.source ?? null);
    const id = randomUUID();
    const spec = { action: 'compliance-case.open', objectType: 'compliance_case', objectId: id };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `compliance:subject:${subject.kind}:${subject.id}`);
      const open = await tx.complianceCase.findFirst({ where: { subjectKind: subject.kind, subjectId: subject.id, status: { in: OPEN_STATUSES } } });
      if (open && caseIsOpen(open.status as CaseStatus)) throw ComplianceErrors.caseAlreadyOpen(open.caseNo);
      const grounds = [...new Set([MEASURE_GROUNDS[input.intendedMeasure], ...(input.grounds ?? [])])];
      const row = await tx.complianceCase.create({
        data: {
          id,
          caseNo: await nextCaseNo(tx, yearOf(today)),
          subjectKind: subject.kind,
          subjectId: subject.id,
          subjectName: subject.name,
          subjectUscc: subject.uscc,
          intendedMeasure: input.intendedMeasure,
          grounds,
          facts: input.facts,
          source,
          status: 'opened',
          interimMeasure: interim,
          interimFrom: interim ? today : null,
          openedBy: actor.userId,
          openedAt: now,
        },
        include: CASE_INCLUDE,
      });
      await announceInterimMeasure(this.outbox, tx, row, 'started', today, now, meta);
      return { result: toCaseView(row), detail: { caseNo: row.caseNo, measure: input.intendedMeasure, interim, trackingEvaluationId: input.trackingEvaluationId ?? null } };
    });
  }

  /**
   * A case from a tracking evaluation (M12.2): the evaluation exists, was concluded with a serious
   * problem, and evaluated the recognition the case names; it becomes the case's source.
   */
  private async trackingSource(evaluationId: string, subject: CaseSubject): Promise<string> {
    const e = await this.db.trackingEvaluation.findUnique({ where: { id: evaluationId } });
    if (!e) throw ComplianceErrors.trackingNotFound();
    if (e.status !== 'concluded' || e.conclusion !== 'serious_problem') throw ComplianceErrors.trackingFindingNotSerious();
    if (subject.kind !== 'recognition' || subject.id !== e.recognitionId) throw ComplianceErrors.trackingSubjectMismatch();
    return `跟踪评价 ${e.year}（${e.prefectureId}，${e.concludedOn}）tracking-evaluation:${e.id}`;
  }
}
