import { Controller, Logger } from '@nestjs/common';
import { ApplicationAction, ApplicationState, isDomainError, transition } from '@firstset/domain';
import {
  ApplicationResubmitted,
  ApplicationResubmittedV1,
  ApplicationWithdrawn,
  ApplicationWithdrawnV1,
  BatchOpened,
  BatchOpenedV1,
  BatchWindowChanged,
  BatchWindowChangedV1,
} from '@firstset/contracts';
import { Consumes } from '@firstset/messaging';
import { Prisma } from '../generated/prisma/client';
import { Tx } from '../prisma';

/** The lifecycle's answer for an event intake already decided, or null when the case cannot take it. */
function allowed(from: string, action: ApplicationAction): ApplicationState | null {
  try {
    // Intake established the guards (deadline, materials) before it published the event.
    return transition(from as ApplicationState, action, 'enterprise', {
      facts: { correctionDeadlineNotPassed: true, requiredMaterialsAttached: true },
    }).to;
  } catch (err) {
    if (isDomainError(err)) return null;
    throw err;
  }
}

/**
 * What intake tells preliminary review besides submissions: the batches (with the prefectures'
 * deadline, M7.3), resubmissions after a return (the case comes back to the same queue, marked,
 * with the changes) and withdrawals (the case leaves the active queue, M7.1).
 */
@Controller()
export class ReceiveLifecycleConsumer {
  private readonly logger = new Logger('ReceiveLifecycleConsumer');

  @Consumes(BatchOpened, { durable: 'preliminary-review-batches' })
  async batchOpened(e: BatchOpenedV1, tx: Tx): Promise<void> {
    const data = { year: e.year, name: e.name, prefectureDeadline: e.prefectureDeadline };
    // A window change may have arrived first (another durable): its deadline is the newer one.
    await tx.batch.upsert({ where: { id: e.batchId }, create: { id: e.batchId, ...data }, update: { year: e.year, name: e.name } });
  }

  // M7.1: an extension may move the prefectures' deadline for their summaries; the summary check follows it.
  @Consumes(BatchWindowChanged, { durable: 'preliminary-review-batch-windows' })
  async batchWindowChanged(e: BatchWindowChangedV1, tx: Tx): Promise<void> {
    const data = { year: e.year, name: e.name, prefectureDeadline: e.prefectureDeadline };
    await tx.batch.upsert({ where: { id: e.batchId }, create: { id: e.batchId, ...data }, update: { prefectureDeadline: e.prefectureDeadline } });
  }

  @Consumes(ApplicationResubmitted, { durable: 'preliminary-review-resubmissions' })
  async resubmitted(e: ApplicationResubmittedV1, tx: Tx): Promise<void> {
    const found = await tx.reviewCase.findUnique({ where: { id: e.applicationId } });
    const to = found && found.applicationVersion < e.version ? allowed(found.state, ApplicationAction.resubmit) : null;
    if (!found || !to) {
      this.logger.warn(`resubmission of ${e.applicationId} v${e.version} ignored: no returned case takes it`);
      return;
    }
    const resubmitted = await tx.reviewCase.updateMany({
      where: { id: found.id, version: found.version },
      data: {
        state: to,
        version: { increment: 1 },
        resubmitted: true,
        previousVersion: e.previousVersion,
        applicationVersion: e.version,
        changes: JSON.parse(JSON.stringify(e.changes)),
        correctionAnswers: JSON.parse(JSON.stringify(e.answers ?? [])),
        enterpriseName: e.enterprise.name,
        enterpriseAddress: e.enterprise.registeredAddress,
        productKind: e.product.kind,
        productName: e.product.name,
        series: e.product.series,
        model: e.product.model,
        rdCompletedOn: e.product.rdCompletedOn,
        ...(e.declarations ? { declarations: JSON.parse(JSON.stringify(e.declarations)) } : {}),
        // M11.1: the corrected version's assignors and licensors (none sent: none named).
        partners: JSON.parse(JSON.stringify(e.partners ?? [])),
        // The waiting time counts again from the resubmission; the return stays in the audit log.
        receivedAt: new Date(e.submittedAt),
        decidedAt: null,
        decidedBy: null,
      },
    });
    // A concurrent change: fail, so that the event is redelivered and applied to the case as it is now.
    if (resubmitted.count !== 1) throw new Error(`case ${found.id} changed meanwhile`);
    // A verdict about files the enterprise has since replaced no longer counts (M7.3, M12.1).
    const changed = slotsWithChangedFiles(e.changes);
    if (changed.length > 0) {
      await tx.materialVerdict.updateMany({ where: { caseId: found.id, slotId: { in: changed } }, data: { staleSince: new Date(e.submittedAt) } });
    }
    // The conditions are judged on the application as a whole: the corrected version is judged again.
    await tx.conditionVerdict.updateMany({ where: { caseId: found.id, staleSince: null }, data: { staleSince: new Date(e.submittedAt) } });
  }

  @Consumes(ApplicationWithdrawn, { durable: 'preliminary-review-withdrawals' })
  async withdrawn(e: ApplicationWithdrawnV1, tx: Tx): Promise<void> {
    const found = await tx.reviewCase.findUnique({ where: { id: e.applicationId } });
    const to = found ? allowed(found.state, ApplicationAction.withdraw) : null;
    if (!found || !to) return;
    const withdrawn = await tx.reviewCase.updateMany({
      where: { id: found.id, version: found.version },
      data: { state: to, version: { increment: 1 }, withdrawnAt: new Date(e.withdrawnAt), draftKind: null, draft: Prisma.DbNull },
    });
    if (withdrawn.count !== 1) throw new Error(`case ${found.id} changed meanwhile`);
  }
}

type MaterialRef = { slotId?: unknown; sha256?: unknown };

/** The slots whose files differ between the returned and the resubmitted version (intake's `materials` change). */
export function slotsWithChangedFiles(changes: Array<{ field: string; before?: unknown; after?: unknown }>): string[] {
  const m = changes.find((c) => c.field === 'materials');
  if (!m) return [];
  const bySlot = (list: unknown) => {
    const out = new Map<string, string[]>();
    for (const f of (Array.isArray(list) ? list : []) as MaterialRef[]) {
      if (typeof f?.slotId !== 'string') continue;
      out.set(f.slotId, [...(out.get(f.slotId) ?? []), String(f.sha256)].sort());
    }
    return out;
  };
  const before = bySlot(m.before);
  const after = bySlot(m.after);
  return [...new Set([...before.keys(), ...after.keys()])].filter((slot) => JSON.stringify(before.get(slot) ?? []) !== JSON.stringify(after.get(slot) ?? [])).sort();
}
