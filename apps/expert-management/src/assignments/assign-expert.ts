import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationState, toShanghaiDate } from '@firstset/domain';
import { AssignExpertV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { assertExpertQualified, assertInstitutionNotBanned } from '../commissions/sanctions';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { AssignmentView, toAssignmentView } from './assignment-view';

/**
 * The commissioned institution assigns an expert of its own pool to an application under
 * comprehensive review (M8.1); never a disqualified expert (M11.2), never while the institution
 * itself is banned (M10.3). One assignment per expert per application.
 */
@Injectable()
export class AssignExpert {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: AssignExpertV1, meta: MessageMeta): Promise<AssignmentView> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    const spec = { action: 'assignment.create', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
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
      if (await tx.assignment.findUnique({ where: key })) throw ExpertManagementErrors.alreadyAssigned();
      const assignment = await tx.assignment.create({
        data: { id: randomUUID(), applicationId: reviewCase.id, expertId: expert.id, commissionId: reviewCase.commissionId, assignedBy: actor.userId, assignedAt: now },
      });
      return { result: toAssignmentView(assignment, expert), detail: { expertId: expert.id } };
    });
  }
}
