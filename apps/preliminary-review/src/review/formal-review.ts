import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { compareDates, LocalDate, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { ApplicationRefDto, CaseConditionV1, ConditionVerdictV1, OpenReviewItemV1, RecordConditionVerdictV1, RecordMaterialVerdictV1, RecordVerificationV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, PRISMA, requireActor } from '@firstset/service-kit';
import { ConditionVerdict, MaterialVerdict, ReviewCase, VerificationAction } from '../generated/prisma/client';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { Db, Tx } from '../prisma';
import { caseInJurisdiction, READER_ROLES, rememberOfficer } from '../cases/jurisdiction';
import { ReviewCaseView, toReviewCaseView } from '../cases/review-case-view';
import { CaseChecklistItem, caseChecklist } from './case-checklist';
import { caseConditions } from './case-conditions';
import { conditionPassed, openReviewItems, verdictPassed } from './open-review-items';

/** States in which the prefecture still reviews and decides the case. */
export const REVIEWABLE: string[] = ['SUBMITTED', 'RESUBMITTED'];

export interface FormalReviewSheet {
  case: ReviewCaseView;
  items: Array<CaseChecklistItem & { verdict: Omit<MaterialVerdict, 'caseId'> | null; passed: boolean | null }>;
  conditions: CaseConditionV1[];
  openItems: OpenReviewItemV1[];
  verifications: VerificationAction[];
}

/** A case with all its verdicts, as the sheet and the recommendation check read it. */
export type CaseWithVerdicts = ReviewCase & { verdicts: MaterialVerdict[]; conditionVerdicts: ConditionVerdict[] };

/** What is still open on the case before a recommendation (M7.3, M12.1). */
export const openItemsOf = (c: CaseWithVerdicts, profiles: PolicyProfileRegistry) =>
  openReviewItems(caseChecklist(c, profiles), c.verdicts, caseConditions(c, profiles), c.conditionVerdicts);

/**
 * Formal review material by material (M7.4, M5.5) and condition by condition (M5, M6), and the
 * verification actions of M12.1. Materials and conditions are judged on the same sheet, alike.
 */
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
      // A slot the enterprise declared not to apply takes no verdict (M5.6, M7.4).
      const item = caseChecklist(found, this.profiles).find((i) => i.slotId === input.slotId && i.applies);
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

  recordConditionVerdict(input: RecordConditionVerdictV1, meta: MessageMeta): Promise<FormalReviewSheet> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const spec = { action: 'review.condition-verdict', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await rememberOfficer(tx, actor, now);
      const found = await caseInJurisdiction(tx, actor, input.applicationId);
      if (!REVIEWABLE.includes(found.state)) throw PreliminaryReviewErrors.caseClosed(found.state);
      const note = input.note?.trim() || null;
      // A negative verdict is what the enterprise or the Department reads later: it says why.
      if (input.verdict !== 'MET' && !note) throw PreliminaryReviewErrors.conditionNoteRequired(input.conditionId);
      const data = { verdict: input.verdict, note, reviewedBy: actor.userId, reviewedAt: now, staleSince: null };
      await tx.conditionVerdict.upsert({
        where: { caseId_conditionId: { caseId: found.id, conditionId: input.conditionId } },
        create: { caseId: found.id, conditionId: input.conditionId, ...data },
        update: data,
      });
      return { result: await this.sheet(tx, found.id, now), detail: { conditionId: input.conditionId, verdict: input.verdict } };
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
      include: { verdicts: true, conditionVerdicts: true, verifications: { orderBy: { recordedAt: 'asc' } } },
    });
    const bySlot = new Map(c.verdicts.map((v) => [v.slotId, v]));
    const items = caseChecklist(c, this.profiles).map((i) => {
      const v = bySlot.get(i.slotId);
      const verdict = v ? (({ caseId: _omit, ...rest }) => rest)(v) : null;
      return { ...i, verdict, passed: v ? verdictPassed(v) : null, stale: Boolean(v?.staleSince) };
    });
    const byCondition = new Map(c.conditionVerdicts.map((v) => [v.conditionId, v]));
    const conditions = caseConditions(c, this.profiles).map((k) => {
      const v = byCondition.get(k.conditionId);
      const verdict = v ? { conditionId: v.conditionId, verdict: v.verdict as ConditionVerdictV1['verdict'], note: v.note, reviewedBy: v.reviewedBy, reviewedAt: v.reviewedAt.toISOString(), staleSince: v.staleSince?.toISOString() ?? null } : null;
      return { ...k, verdict, passed: v ? conditionPassed(v) : null };
    });
    return { case: toReviewCaseView(c, now), items, conditions, openItems: openItemsOf(c, this.profiles), verifications: c.verifications };
  }
}
