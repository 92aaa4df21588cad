import { randomUUID } from 'node:crypto';
import { PolicyProfileRegistry, toShanghaiDate, validateBatch } from '@firstset/domain';
import { BatchWindowChanged } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { domainRule } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';
import { BatchView, toAnnualBatch, toBatchView } from './open-batch';

export interface WindowChange {
  batchId: string;
  kind: 'extend' | 'close_early';
  newClosesAt: Date;
  prefectureDeadline?: string;
  reason: string;
}

/**
 * Moves a batch's close (M7.1) with the reason on record: compare-and-set on the close it was
 * decided against, so two officers changing it at once cannot both succeed silently. The change
 * goes out as `batch.window-changed` (preliminary review keeps the prefectures' deadline).
 */
export async function changeBatchWindow(
  tx: Tx,
  outbox: Outbox,
  meta: MessageMeta,
  change: WindowChange,
  now: Date,
  profiles: PolicyProfileRegistry,
): Promise<BatchView> {
  const batch = await tx.batch.findUnique({ where: { id: change.batchId } });
  if (!batch) throw IntakeErrors.batchNotFound();
  const prefectureDeadline = change.prefectureDeadline ?? batch.prefectureDeadline;
  domainRule(() => validateBatch({ ...toAnnualBatch(batch), windowClosesAt: change.newClosesAt }));
  if (prefectureDeadline < toShanghaiDate(change.newClosesAt)) throw IntakeErrors.deadlineBeforeWindowCloses();
  const { count } = await tx.batch.updateMany({
    where: { id: batch.id, windowClosesAt: batch.windowClosesAt },
    data: { windowClosesAt: change.newClosesAt, prefectureDeadline },
  });
  if (count !== 1) throw IntakeErrors.concurrentChange();
  await tx.batchWindowChange.create({
    data: {
      id: randomUUID(),
      batchId: batch.id,
      kind: change.kind,
      previousClosesAt: batch.windowClosesAt,
      newClosesAt: change.newClosesAt,
      reason: change.reason,
      changedBy: meta.actor!.userId,
      changedAt: now,
    },
  });
  await outbox.append(
    tx,
    BatchWindowChanged,
    {
      batchId: batch.id,
      year: batch.year,
      name: batch.name,
      kind: change.kind,
      previousClosesAt: batch.windowClosesAt.toISOString(),
      windowClosesAt: change.newClosesAt.toISOString(),
      prefectureDeadline,
      reason: change.reason,
      changedAt: now.toISOString(),
    },
    meta,
  );
  return toBatchView({ ...batch, windowClosesAt: change.newClosesAt, prefectureDeadline }, profiles);
}
