import { isWithinApplicationWindow } from '@firstset/domain';
import { ServiceError } from '@firstset/messaging';
import { BatchRow, toAnnualBatch } from '../batches/open-batch';
import { IntakeErrors } from '../intake.errors';

/** Why nothing can be submitted into the batch at `now` (M7.1), with its dates; undefined while open. */
export function windowError(batch: BatchRow, now: Date): ServiceError | undefined {
  if (isWithinApplicationWindow(toAnnualBatch(batch), now)) return undefined;
  return now < batch.windowOpensAt ? IntakeErrors.windowNotOpen(batch.windowOpensAt) : IntakeErrors.windowClosed(batch.windowClosesAt);
}
