import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SanctionRecordV1 } from '@firstset/contracts';
import { ChangeSanctionV1, SanctionChanged } from '@firstset/contracts';
import { canChangeSanction, parseLocalDate, SANCTION_STATUS_LABELS, sanctionStatusAt, toShanghaiDate } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Tx } from '../prisma';
import { historyOf, periodOf, SANCTION_INCLUDE, toSanctionRecord } from './sanction-record-view';

/**
 * A change in a sanction's history (ADR 0026): suspended or resumed, lifted early by a decision,
 * set aside or upheld after a reconsideration or a court. Allowed by the status on its day (a
 * lifted or set-aside sanction changes no more), never in the future; the gates hear of it.
 */
@Injectable()
export class ChangeSanction {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: ChangeSanctionV1, meta: MessageMeta): Promise<SanctionRecordV1> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: `sanction.${input.change}`, objectType: 'sanction', objectId: input.sanctionId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const on = domainRule(() => parseLocalDate(input.on ?? today, 'on'));
      if (on > today) throw ComplianceErrors.dateInFuture('on', on, today);
      const s = await tx.sanction.findUnique({ where: { id: input.sanctionId }, include: SANCTION_INCLUDE });
      if (!s) throw ComplianceErrors.sanctionNotFound();
      if (s.version !== input.expectedVersion) throw ComplianceErrors.sanctionStale(s.version);
      const state = { ...periodOf(s), history: historyOf(s) };
      if (!canChangeSanction(state, on, input.change)) throw ComplianceErrors.sanctionChangeRefused(SANCTION_STATUS_LABELS[sanctionStatusAt(state, on)].zh, input.change);
      const { count } = await tx.sanction.updateMany({ where: { id: s.id, version: s.version }, data: { version: { increment: 1 } } });
      if (count !== 1) throw ComplianceErrors.sanctionStale(s.version + 1);
      await tx.sanctionEvent.create({ data: { id: randomUUID(), sanctionId: s.id, kind: input.change, on, reason: input.reason, recordedBy: actor.userId, recordedAt: now } });
      await this.outbox.append(tx, SanctionChanged, { sanctionId: s.id, measure: s.measure, subjectId: s.subjectId, change: input.change, on, reason: input.reason, changedAt: now.toISOString() }, meta);
      const saved = await tx.sanction.findUniqueOrThrow({ where: { id: s.id }, include: SANCTION_INCLUDE });
      return { result: toSanctionRecord(saved, today), detail: { change: input.change, on } };
    });
  }
}
