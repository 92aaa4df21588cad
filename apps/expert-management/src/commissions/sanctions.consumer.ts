import { Controller } from '@nestjs/common';
import { addDays, ApplicationState, parseLocalDate, toShanghaiDate } from '@firstset/domain';
import {
  ExpertDisqualified,
  ExpertDisqualifiedV1,
  InstitutionBanImposed,
  InstitutionBanImposedV1,
  InterimMeasureChanged,
  InterimMeasureChangedV1,
  SanctionChanged,
  SanctionChangedV1,
} from '@firstset/contracts';
import { Consumes, isUuid, MessageMeta } from '@firstset/messaging';
import { AuditRecorder, Clock } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { lockBatch, lockInstitution } from '../reviews/locks';
import { CaseHandover } from './case-handover';
import { institutionBannedOn } from './sanctions';

/**
 * Compliance's sanctions hold at once, also during a review. A ban (M10.3) is kept on the
 * institution (a later ban never shortens an earlier one); if it applies today, the institution's
 * open commissions end with the ban as their reason, their cases wait for a new commission and
 * its experts lose the materials. A disqualification (M11.2) marks the expert and excludes their
 * assignments on cases not yet concluded, scored or not: access goes, their scores do not count,
 * and the institution assigns a replacement.
 */
@Controller()
export class SanctionsConsumer {
  constructor(
    private readonly handover: CaseHandover,
    private readonly clock: Clock,
    private readonly audit: AuditRecorder,
  ) {}

  @Consumes(InstitutionBanImposed, { durable: 'expert-management-institution-bans' })
  async banInstitution(ban: InstitutionBanImposedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    // The handover's audit records are written last, so the chain lock is not held while the next batch is locked (ADR 0027).
    await this.audit.holdUntilEnd(tx, () => this.banEach(ban, tx, meta));
  }

  private async banEach(ban: InstitutionBanImposedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    const where = isUuid(ban.institutionId)
      ? { OR: [{ id: ban.institutionId }, { uscc: ban.institutionUscc }] }
      : { uscc: ban.institutionUscc };
    for (const found of await tx.institution.findMany({ where, select: { id: true } })) {
      await lockInstitution(tx, found.id);
      const inst = await tx.institution.findUniqueOrThrow({ where: { id: found.id } });
      if (!inst.bannedUntil || inst.bannedUntil < ban.endsOn) {
        await tx.institution.update({ where: { id: inst.id }, data: { bannedUntil: ban.endsOn, version: { increment: 1 } } });
      }
      await this.stopWorkIfBarred(tx, inst.id, ban.startsOn, meta);
    }
  }

  /**
   * The institution's ban bars it today (from `startsOn`, not suspended): its open commissions end
   * with the ban as their reason, their cases wait for a new commission, its experts lose the
   * materials (M10.3).
   */
  private async stopWorkIfBarred(tx: Tx, institutionId: string, startsOn: string, meta: MessageMeta): Promise<void> {
    const now = this.clock.now();
    const today = toShanghaiDate(now);
    const inst = await tx.institution.findUniqueOrThrow({ where: { id: institutionId } });
    if (startsOn > today || !institutionBannedOn(inst, today)) return;
    const reason = `M10.3 机构被禁止参与认定工作（至 ${inst.bannedUntil}） / institution banned from recognition work (until ${inst.bannedUntil})`;
    const open = await tx.commission.findMany({ where: { institutionId, endedAt: null }, orderBy: { commissionedAt: 'asc' } });
    for (const c of open) {
      await lockBatch(tx, c.batchId);
      await this.handover.end(tx, c, { reason, endedBy: meta.actor?.userId ?? 'compliance', now, meta });
    }
  }

  @Consumes(ExpertDisqualified, { durable: 'expert-management-expert-disqualifications' })
  async disqualifyExpert(d: ExpertDisqualifiedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    if (!isUuid(d.expertId)) return; // not an expert of this pool
    await this.audit.holdUntilEnd(tx, () => this.exclude(d, tx, meta));
  }

  private async exclude(d: ExpertDisqualifiedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    await tx.expert.updateMany({ where: { id: d.expertId, disqualifiedOn: null }, data: { disqualifiedOn: d.decisionDate, version: { increment: 1 } } });
    const reason = `M11.2 专家被取消评审资格（${d.decisionDate}） / expert disqualified on ${d.decisionDate}`;
    await this.handover.excludeAssignments(
      tx,
      { expertId: d.expertId, reviewCase: { state: ApplicationState.UNDER_COMPREHENSIVE_REVIEW } },
      'expert_disqualified',
      reason,
      this.clock.now(),
      meta,
    );
  }

  /**
   * ADR 0026: a ban lifted early or set aside ends the day before its day; a disqualification
   * lifted or set aside is cleared. What the sanction already stopped stays stopped (ended
   * commissions, excluded assignments): the institution is commissioned again, the expert assigned
   * again. An institution ban suspended does not bar from its day (the institution may be
   * commissioned again, nothing is restored); resumed, it bars again at once and stops the work
   * taken up meanwhile, as when it was imposed. A disqualification has no suspension.
   */
  @Consumes(SanctionChanged, { durable: 'expert-management-sanction-changes' })
  async change(e: SanctionChangedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    if (!isUuid(e.subjectId)) return;
    await this.audit.holdUntilEnd(tx, () => this.applyChange(e, tx, meta));
  }

  private async applyChange(e: SanctionChangedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    const lifted = e.change === 'lifted' || e.change === 'set_aside';
    if (e.measure === 'expert_disqualification' && lifted) {
      await tx.expert.updateMany({ where: { id: e.subjectId, disqualifiedOn: { not: null } }, data: { disqualifiedOn: null, version: { increment: 1 } } });
    } else if (e.measure === 'institution_ban') {
      const on = parseLocalDate(e.on, 'on');
      await lockInstitution(tx, e.subjectId);
      if (lifted) {
        const lastBarred = addDays(on, -1);
        await tx.institution.updateMany({ where: { id: e.subjectId, bannedUntil: { gte: on } }, data: { bannedUntil: lastBarred, banSuspendedOn: null, version: { increment: 1 } } });
      } else if (e.change === 'suspended') {
        await tx.institution.updateMany({ where: { id: e.subjectId, bannedUntil: { not: null } }, data: { banSuspendedOn: on, version: { increment: 1 } } });
      } else if (e.change === 'resumed') {
        const { count } = await tx.institution.updateMany({ where: { id: e.subjectId, banSuspendedOn: { not: null } }, data: { banSuspendedOn: null, version: { increment: 1 } } });
        if (count === 1) await this.stopWorkIfBarred(tx, e.subjectId, on, meta);
      }
    }
  }

  /**
   * ADR 0026: a case heard with an interim measure suspends the institution's or expert's work
   * from the day it opened until it is decided or dropped. The gates refuse their review work
   * meanwhile (`workingInstitutionOf`, `assertExpertQualified`, the seat blockers); their
   * commissions and assignments stay, to go on once the suspension ends. Only the case that
   * started a suspension ends it.
   */
  @Consumes(InterimMeasureChanged, { durable: 'expert-management-interim-measures' })
  async interim(e: InterimMeasureChangedV1, tx: Tx): Promise<void> {
    if (!isUuid(e.subjectId)) return;
    const started = { workSuspendedFrom: e.on, workSuspensionCase: e.caseNo, version: { increment: 1 } };
    const ended = { workSuspendedFrom: null, workSuspensionCase: null, version: { increment: 1 } };
    const where = e.change === 'started' ? { id: e.subjectId } : { id: e.subjectId, workSuspensionCase: e.caseNo };
    const data = e.change === 'started' ? started : ended;
    if (e.measure === 'institution_work_suspended') {
      await lockInstitution(tx, e.subjectId);
      await tx.institution.updateMany({ where, data });
    } else {
      await tx.expert.updateMany({ where, data });
    }
  }
}
