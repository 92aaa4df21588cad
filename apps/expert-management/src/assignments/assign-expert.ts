import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationState, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { AssignExpertV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { assertExpertQualified, assertInstitutionNotBanned } from '../commissions/sanctions';
import { conflictsForCase } from '../conflicts/conflicts-for-case';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { lockBatch, lockCase } from '../reviews/locks';
import { reviewProfileOf } from '../reviews/review-rules';
import { batchLoads, blockersOf, refusalOf } from '../panels/eligibility';
import { AssignmentView, toAssignmentView } from './assignment-view';

/**
 * The commissioned institution assigns an expert of its own pool to an application under
 * comprehensive review (M8.1); never a disqualified expert (M11.2), never while the institution
 * itself is banned (M10.3), never one in conflict with the application (M11.1), unavailable, or
 * at the profile's load limit for the batch — the same checks as the panel solver's. One assignment
 * per expert per application.
 */
@Injectable()
export class AssignExpert {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: AssignExpertV1, meta: MessageMeta): Promise<AssignmentView> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'assignment.create', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const { reviewCase: unlocked } = await caseOfInstitution(tx, input.applicationId, institutionId, today);
      // Batch then case, as the panel commands lock: loads are counted per batch.
      await lockBatch(tx, unlocked.batchId);
      await lockCase(tx, input.applicationId);
      const { reviewCase, institution } = await caseOfInstitution(tx, input.applicationId, institutionId, today);
      if (reviewCase.state !== ApplicationState.UNDER_COMPREHENSIVE_REVIEW) {
        throw ExpertManagementErrors.reviewNotInProgress(reviewCase.state);
      }
      assertInstitutionNotBanned(institution, today);
      const expert = await tx.expert.findUnique({ where: { id: input.expertId } });
      if (!expert || expert.institutionId !== institutionId) throw ExpertManagementErrors.expertNotInInstitution();
      assertExpertQualified(expert, today);
      const key = { applicationId_expertId: { applicationId: reviewCase.id, expertId: expert.id } };
      const existing = await tx.assignment.findUnique({ where: key });
      if (existing?.status === 'active') throw ExpertManagementErrors.alreadyAssigned();
      const rules = reviewProfileOf(this.profiles, reviewCase);
      const conflicts = (await conflictsForCase(tx, reviewCase, [expert], today, this.profiles)).get(expert.id) ?? [];
      const blockers = blockersOf({
        expert,
        today,
        conflicts,
        load: (await batchLoads(tx, reviewCase.batchId)).get(expert.id) ?? 0,
        maxLoad: rules.maxLoadPerExpert,
        onPanel: false,
        endedOnCase: !!existing,
      });
      const refusal = refusalOf(blockers, rules.maxLoadPerExpert, expert);
      if (refusal) throw refusal;
      const assignment = await tx.assignment.create({
        data: {
          id: randomUUID(),
          applicationId: reviewCase.id,
          expertId: expert.id,
          commissionId: reviewCase.commissionId,
          status: 'active',
          assignedBy: actor.userId,
          assignedAt: now,
        },
      });
      return { result: toAssignmentView(assignment, expert), detail: { expertId: expert.id } };
    });
  }
}
