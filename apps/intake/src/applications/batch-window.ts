import { isWithinApplicationWindow } from '@firstset/domain';
import { ServiceError } from '@firstset/messaging';
import { BatchRow, toAnnualBatch } from '../batches/open-batch';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';

/** Why nothing can be submitted into the batch at `now` (M7.1), with its dates; undefined while open. */
export function windowError(batch: BatchRow, now: Date): ServiceError | undefined {
  if (isWithinApplicationWindow(toAnnualBatch(batch), now)) return undefined;
  return now < batch.windowOpensAt ? IntakeErrors.windowNotOpen(batch.windowOpensAt) : IntakeErrors.windowClosed(batch.windowClosesAt);
}

/** The batch, refused with its dates when the application window is not open at `now` (M7.1). */
export async function openBatchOrThrow(tx: Tx, batchId: string, now: Date) {
  const batch = await tx.batch.findUnique({ where: { id: batchId } });
  if (!batch) throw IntakeErrors.batchNotFound();
  const closed = windowError(batch, now);
  if (closed) throw closed;
  return batch;
}
