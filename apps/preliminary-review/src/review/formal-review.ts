import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { compareDates, LocalDate, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { ApplicationRefDto, RecordMaterialVerdictV1, RecordVerificationV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, PRISMA, requireActor } from '@firstset/service-kit';
import { MaterialVerdict, VerificationAction } from '../generated/prisma/client';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Db, Tx } from '../prisma';
import { caseInJurisdiction, READER_ROLES, rememberOfficer } from '../cases/jurisdiction';
import { ReviewCaseView, toReviewCaseView } from '../cases/review-case-view';
import { CaseChecklistItem, caseChecklist } from './case-checklist';

const REVIEWABLE = ['SUBMITTED', 'RESUBMITTED'];

export interface FormalReviewSheet {
  case: ReviewCaseView;
  items: Array<CaseChecklistItem & { verdict: Omit<MaterialVerdict, 'caseId'> | null; passed: boolean | null }>;
  verifications: VerificationAction[];
}

/**
 * A verdict passes when every check holds (the institution check only where it applies) and it is
 * about the files as they are: one made before a resubmission replaced the slot's files does not.
 */
export const verdictPassed = (v: Pick<MaterialVerdict, 'present' | 'legible' | 'valid' | 'consistent' | 'qualifiedInstitution'> & { staleSince?: Date | null }) =>
  !v.staleSince && v.present && v.legible && v.valid && v.consistent && v.qualifiedInstitution !== false;

/** Formal review material by material (M7.4, M5.5) and the verification actions of M12.1. */
@Injectable()
export class FormalReview {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  recordVerdict(input: RecordMaterialVerdictV1, meta: MessageMeta): Promise<FormalReviewSheet> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const spec = { action: 'review.material-verdict', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await rememberOfficer(tx, actor, now);
      const found = await caseInJurisdiction(tx, actor, input.applicationId);
      if (!REVIEWABLE.includes(found.state)) throw PreliminaryReviewErrors.caseClosed(found.state);
      const item = caseChecklist(found, this.profiles).find((i) => i.slotId === input.slotId);
      if (!item) throw PreliminaryReviewErrors.slotNotInChecklist(input.slotId);
      if (item.qualifiedInstitutionRequired && input.qualifiedInstitution === undefined) throw PreliminaryReviewErrors.qualifiedInstitutionRequired(input.slotId);
      if (!item.qualifiedInstitutionRequired && input.qualifiedInstitution !== undefined) throw PreliminaryReviewErrors.qualifiedInstitutionNotApplicable(input.slotId);
      const data = {
        present: input.present,
        legible: input.legible,
        valid: input.valid,
        qualifiedInstitution: input.qualifiedInstitution ?? null,
        consistent: input.consistent,
        comment: input.comment ?? null,
        reviewedBy: actor.userId,
        reviewedAt: now,
        staleSince: null,
      };
      await tx.materialVerdict.upsert({
        where: { caseId_slotId: { caseId: found.id, slotId: input.slotId } },
        create: { caseId: found.id, slotId: input.slotId, ...data },
        update: data,
      });
      return { result: await this.sheet(tx, found.id, now), detail: { slotId: input.slotId, passed: verdictPassed(data) } };
    });
  }

  recordVerification(input: RecordVerificationV1, meta: MessageMeta): Promise<FormalReviewSheet> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const spec = { action: 'review.verification', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await rememberOfficer(tx, actor, now);
      const found = await caseInJurisdiction(tx, actor, input.applicationId);
      if (!REVIEWABLE.includes(found.state)) throw PreliminaryReviewErrors.caseClosed(found.state);
      if (compareDates(input.performedOn as LocalDate, toShanghaiDate(now)) > 0) throw PreliminaryReviewErrors.dateInFuture();
      await tx.verificationAction.create({
        data: { id: randomUUID(), caseId: found.id, kind: input.kind, note: input.note, performedOn: input.performedOn, recordedBy: actor.userId, recordedAt: now },
      });
      return { result: await this.sheet(tx, found.id, now), detail: { kind: input.kind, performedOn: input.performedOn } };
    });
  }

  async get(input: ApplicationRefDto, meta: MessageMeta): Promise<FormalReviewSheet> {
    const actor = requireActor(meta, READER_ROLES);
    const found = await caseInJurisdiction(this.db, actor, input.applicationId);
    return this.sheet(this.db, found.id, this.clock.now());
  }

  private async sheet(db: Pick<Tx, 'reviewCase'>, caseId: string, now: Date): Promise<FormalReviewSheet> {
    const c = await db.reviewCase.findUniqueOrThrow({
      where: { id: caseId },
      include: { verdicts: true, verifications: { orderBy: { recordedAt: 'asc' } } },
    });
    const bySlot = new Map(c.verdicts.map((v) => [v.slotId, v]));
    const items = caseChecklist(c, this.profiles).map((i) => {
      const v = bySlot.get(i.slotId);
      const verdict = v ? (({ caseId: _omit, ...rest }) => rest)(v) : null;
      return { ...i, verdict, passed: v ? verdictPassed(v) : null, stale: Boolean(v?.staleSince) };
    });
    return { case: toReviewCaseView(c, now), items, verifications: c.verifications };
  }
}
