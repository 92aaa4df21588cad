import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationState, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { AcceptAssignmentV1, AssignmentAccepted, AssignmentEnded } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { assertExpertQualified } from '../commissions/sanctions';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { expertOf, ownAssignment } from '../reviews/case-access';
import { lockCase } from '../reviews/locks';
import { reviewProfileOf } from '../reviews/review-rules';
import { AssignmentView, toAssignmentView } from './assignment-view';

/**
 * The assigned expert accepts the assignment (M11.1): signs the undertaking of the case's policy
 * profile in the version they were shown (its version and exact text are stored with the time;
 * an outdated version is refused) and confirms, for this application, that they have no
 * undisclosed conflict. Only then may they read the application and score it (the acceptance goes
 * out as an event; intake then opens the application to the expert). Declaring a conflict instead
 * records it and recuses the expert: no access, and the institution needs a replacement.
 * Accepting again changes nothing: the first acceptance stands.
 */
@Injectable()
export class AcceptAssignment {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: AcceptAssignmentV1, meta: MessageMeta): Promise<AssignmentView> {
    const actor = requireActor(meta, ['expert']);
    const expertId = expertOf(actor);
    const spec = { action: input.conflict === 'declared' ? 'assignment.declare-conflict' : 'assignment.accept', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      await lockCase(tx, input.applicationId);
      const assignment = await ownAssignment(tx, input.applicationId, expertId);
      if (assignment.acceptedAt) return { result: toAssignmentView(assignment, assignment.expert), detail: { alreadyAccepted: true } };
      assertExpertQualified(assignment.expert, toShanghaiDate(now));
      if (assignment.reviewCase.state !== ApplicationState.UNDER_COMPREHENSIVE_REVIEW) {
        throw ExpertManagementErrors.reviewNotInProgress(assignment.reviewCase.state);
      }
      const undertaking = reviewProfileOf(this.profiles, assignment.reviewCase).undertaking;
      if (input.undertakingVersion !== undertaking.version) throw ExpertManagementErrors.undertakingOutdated(undertaking.version);
      const institutionId = assignment.expert.institutionId;

      if (input.conflict === 'declared') {
        const reason = input.conflictReason!.trim();
        const data = { status: 'recused', endedAt: now, endReason: reason };
        const { count } = await tx.assignment.updateMany({ where: { id: assignment.id, status: 'active', acceptedAt: null }, data });
        if (count !== 1) throw ExpertManagementErrors.concurrentChange();
        await tx.conflict.upsert({
          where: { expertId_applicationId_kind: { expertId, applicationId: input.applicationId, kind: 'declared_on_assignment' } },
          create: {
            id: randomUUID(),
            expertId,
            applicationId: input.applicationId,
            source: 'declared',
            kind: 'declared_on_assignment',
            reasonZh: reason,
            reasonEn: reason,
            recordedBy: actor.userId,
            recordedAt: now,
          },
          update: { reasonZh: reason, reasonEn: reason, recordedBy: actor.userId, recordedAt: now },
        });
        await this.outbox.append(
          tx,
          AssignmentEnded,
          { applicationId: input.applicationId, expertId, cause: 'recused', reason, endedAt: now.toISOString() },
          meta,
        );
        return { result: toAssignmentView({ ...assignment, ...data }, assignment.expert), detail: { declaredConflict: reason } };
      }

      const data = { acceptedAt: now, undertakingVersion: undertaking.version, undertakingText: undertaking.textZh, noConflictConfirmedAt: now };
      const { count } = await tx.assignment.updateMany({ where: { id: assignment.id, status: 'active', acceptedAt: null }, data });
      if (count !== 1) throw ExpertManagementErrors.concurrentChange();
      // Intake opens the application's materials to this expert (and to no one else of the pool).
      await this.outbox.append(tx, AssignmentAccepted, { applicationId: input.applicationId, expertId, institutionId, acceptedAt: now.toISOString() }, meta);
      return {
        result: toAssignmentView({ ...assignment, ...data }, assignment.expert),
        detail: { confidentialityUndertakingAcceptedAt: now.toISOString(), undertakingVersion: undertaking.version, noConflictConfirmed: true },
      };
    });
  }
}
