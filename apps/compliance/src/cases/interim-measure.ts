import { InterimMeasureChanged } from '@firstset/contracts';
import { LocalDate } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Tx } from '../prisma';

interface InterimCase {
  id: string;
  caseNo: string;
  subjectId: string;
  interimMeasure: string | null;
}

/**
 * Tells the gates that a case's interim measure started or ended (ADR 0026): expert management
 * and intake refuse the suspended institution's or expert's work while it holds. Nothing is sent
 * for a case without one.
 */
export async function announceInterimMeasure(
  outbox: Outbox,
  tx: Tx,
  c: InterimCase,
  change: 'started' | 'ended',
  on: LocalDate,
  at: Date,
  meta: MessageMeta,
): Promise<void> {
  if (c.interimMeasure !== 'institution_work_suspended' && c.interimMeasure !== 'expert_work_suspended') return;
  await outbox.append(
    tx,
    InterimMeasureChanged,
    { caseId: c.id, caseNo: c.caseNo, measure: c.interimMeasure, subjectId: c.subjectId, change, on, changedAt: at.toISOString() },
    meta,
  );
}
