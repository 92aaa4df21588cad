import { isWithinApplicationWindow } from '@firstset/domain';
import { toAnnualBatch } from '../batches/open-batch';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';

/** The batch, refused with its dates when the application window is not open at `now` (M7.1). */
export async function openBatchOrThrow(tx: Tx, batchId: string, now: Date) {
  const batch = await tx.batch.findUnique({ where: { id: batchId } });
  if (!batch) throw IntakeErrors.batchNotFound();
  if (!isWithinApplicationWindow(toAnnualBatch(batch), now)) {
    throw now < batch.windowOpensAt
      ? IntakeErrors.windowNotOpen(batch.windowOpensAt)
      : IntakeErrors.windowClosed(batch.windowClosesAt);
  }
  return batch;
}
