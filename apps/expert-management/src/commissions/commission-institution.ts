import type { CommissionViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationState, toShanghaiDate } from '@firstset/domain';
import { CommissionInstitutionV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { lockBatch, lockInstitution } from '../reviews/locks';
import { ReviewStarter } from '../reviews/review-starter';
import { CaseHandover } from './case-handover';
import { assertInstitutionNotBanned } from './sanctions';
import { inScope, normalizeScope, Scope, scopesOverlap } from './scope';

export type CommissionView = CommissionViewV1;

/**
 * The Department commissions a third-party institution for a batch's comprehensive review (M8.1)
 * for a scope (product kinds and/or M4.2 fields; empty = the whole batch); never one under a
 * participation ban (M10.3), never a scope that overlaps an open commission of the batch. The
 * batch's recommended applications in the scope enter review at once, later ones as they are
 * recommended; cases waiting after an ended commission move to it.
 */
@Injectable()
export class CommissionInstitution {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly starter: ReviewStarter,
    private readonly handover: CaseHandover,
  ) {}

  execute(input: CommissionInstitutionV1, meta: MessageMeta): Promise<CommissionView> {
    const actor = requireActor(meta, ['department_officer']);
    const id = randomUUID();
    return this.commands.run(meta, { action: 'commission.create', objectType: 'commission', objectId: id }, async (tx) => {
      const scope = normalizeScope(input);
      const r = await this.create(tx, { id, batchId: input.batchId, institutionId: input.institutionId, scope, by: actor.userId }, meta);
      return { result: r, detail: { batchId: input.batchId, institutionId: input.institutionId, ...scope, started: r.startedApplicationIds.length, takenUp: r.takenUpApplicationIds.length } };
    });
  }

  /** Creates the commission in the caller's transaction (also the replacement when one ends). */
  async create(tx: Tx, c: { id: string; batchId: string; institutionId: string; scope: Scope; by: string }, meta: MessageMeta): Promise<CommissionView> {
    const now = this.clock.now();
    // The ban consumer takes the institution's lock too: a ban never misses a commission made meanwhile.
    await lockInstitution(tx, c.institutionId);
    const institution = await tx.institution.findUnique({ where: { id: c.institutionId } });
    if (!institution) throw notFound('institution');
    assertInstitutionNotBanned(institution, toShanghaiDate(now));
    await lockBatch(tx, c.batchId);
    const open = await tx.commission.findMany({ where: { batchId: c.batchId, endedAt: null }, include: { institution: true }, orderBy: { commissionedAt: 'asc' } });
    const clash = open.find((o) => scopesOverlap(o, c.scope));
    if (clash) throw ExpertManagementErrors.scopeOverlap(clash.id, clash.institution.name);
    const commission = await tx.commission.create({
      data: { id: c.id, batchId: c.batchId, institutionId: institution.id, ...c.scope, commissionedBy: c.by, commissionedAt: now },
    });
    const recommended = await tx.reviewCase.findMany({
      where: { batchId: c.batchId, state: ApplicationState.RECOMMENDED },
      orderBy: { applicationNo: 'asc' },
    });
    const held = { ...commission, institution };
    const started = await this.starter.start(tx, recommended.filter((r) => inScope(c.scope, r)), held, { meta, audit: false });
    const takenUp = await this.handover.takeUp(tx, held, meta, now);
    return {
      id: c.id,
      batchId: c.batchId,
      institutionId: institution.id,
      institutionName: institution.name,
      commissionedAt: now.toISOString(),
      productKinds: commission.productKinds,
      fieldCodes: commission.fieldCodes,
      startedApplicationIds: started,
      takenUpApplicationIds: takenUp,
    };
  }
}
