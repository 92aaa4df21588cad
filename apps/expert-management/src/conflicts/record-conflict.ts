import type { CaseConflictsV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RecordConflictV1 } from '@firstset/contracts';
import { PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { expertOfPool } from '../experts/expert-access';
import { conflictsForCase } from './conflicts-for-case';
import { caseConflicts } from './read-conflicts';

const DECLARED = new Set(['declared_tie', 'declared_on_assignment']);

/**
 * M11.1: the institution pins a conflict the records show (it then holds even when the records
 * change, e.g. the expert's employer is edited), or records one the expert declared to it, with
 * the reason. A detected kind the records do not show cannot be pinned (422): it is recorded as
 * declared, in the expert's words. Recording the same kind again keeps the first record.
 */
@Injectable()
export class RecordConflict {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: RecordConflictV1, meta: MessageMeta): Promise<CaseConflictsV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    return this.commands.run(meta, { action: 'conflict.record', objectType: 'application', objectId: input.applicationId }, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const { reviewCase } = await caseOfInstitution(tx, input.applicationId, institutionId, today);
      const expert = await expertOfPool(tx, input.expertId, institutionId);
      const reason = input.reason.trim();
      let row: { source: string; reasonZh: string; reasonEn: string };
      if (DECLARED.has(input.kind)) {
        row = { source: 'declared', reasonZh: `机构代专家申报：${reason}`, reasonEn: `Declared through the institution: ${reason}` };
      } else {
        const detected = ((await conflictsForCase(tx, reviewCase, [expert], today, this.profiles)).get(expert.id) ?? []).find((c) => c.source === 'detected' && c.kind === input.kind);
        if (!detected) throw ExpertManagementErrors.conflictKindNotRecordable(input.kind);
        row = { source: 'detected', reasonZh: `${detected.reasonZh}（机构确认：${reason}）`, reasonEn: `${detected.reasonEn} (confirmed by the institution: ${reason})` };
      }
      const key = { expertId_applicationId_kind: { expertId: expert.id, applicationId: reviewCase.id, kind: input.kind } };
      const existing = await tx.conflict.findUnique({ where: key });
      if (!existing)
        await tx.conflict.create({
          data: { id: randomUUID(), expertId: expert.id, applicationId: reviewCase.id, kind: input.kind, ...row, recordedBy: actor.userId, recordedAt: now },
        });
      return {
        result: await caseConflicts(tx, reviewCase, institutionId, today, this.profiles),
        detail: { expertId: expert.id, kind: input.kind, source: row.source, alreadyRecorded: Boolean(existing) },
      };
    });
  }
}
