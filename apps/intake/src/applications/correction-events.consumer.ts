import { Controller, Logger } from '@nestjs/common';
import { ApplicationAction, ApplicationState, GuardFact, isDomainError, PolicyProfile, PolicyProfileRegistry, transition } from '@firstset/domain';
import { ApplicationRejected, ApplicationRejectedV1, ApplicationReturned, ApplicationReturnedV1 } from '@firstset/contracts';
import { Consumes, MessageMeta } from '@firstset/messaging';
import { Prisma } from '../generated/prisma/client';
import { notify } from '../notifications/notify';
import { Tx } from '../prisma';
import { appendHistory } from './application-history';

/** A returned item in words: the M7.4 material's name, or "the application form" for a form field (its id is no word). */
function itemLabel(item: string, profile: PolicyProfile): { zh: string; en: string } {
  const slot = profile.materials.find((m) => m.slotId === item);
  return slot ? { zh: slot.nameZh, en: slot.nameEn } : { zh: '申报书内容', en: `application form (${item})` };
}

/**
 * The prefecture's corrections and rejections (M7.3), as intake keeps them for the enterprise:
 * a return opens the application for revision with its items and deadline; a rejection closes it
 * with its reason. Each moves the state through the domain's lifecycle and lands in the inbox.
 */
@Controller()
export class CorrectionEventsConsumer {
  private readonly logger = new Logger('CorrectionEventsConsumer');

  constructor(private readonly profiles: PolicyProfileRegistry) {}

  @Consumes(ApplicationReturned, { durable: 'intake-corrections-returned' })
  async returned(e: ApplicationReturnedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    // M15: the slots are named as the application's own profile names them.
    const ref = await tx.application.findUnique({ where: { id: e.applicationId }, select: { policyProfileId: true, policyProfileVersion: true } });
    const profile = this.profiles.resolve(ref && { id: ref.policyProfileId, version: ref.policyProfileVersion });
    const zh = e.items.map((i, n) => `${n + 1}. ${itemLabel(i.item, profile).zh}：${i.reason}`).join('；');
    const en = e.items.map((i, n) => `${n + 1}. ${itemLabel(i.item, profile).en}: ${i.reason}`).join('; ');
    const correction = { items: e.items.map((i) => ({ item: i.item, reason: i.reason })), deadline: e.deadline, returnedBy: e.returnedBy, returnedAt: e.returnedAt };
    const app = await this.move(tx, meta, e.applicationId, ApplicationAction.returnForCorrection, zh, new Date(e.returnedAt), {
      correction: correction as Prisma.InputJsonValue,
    });
    if (!app) return;
    await notify(tx, {
      enterpriseUscc: app.enterpriseUscc,
      applicationId: app.id,
      kind: 'returned',
      // Each half whole in its language, so that the reader's half carries the requests too.
      body: `${app.applicationNo}：请于 ${e.deadline}（含当日）前逐项答复、补正后重新提交。补正要求：${zh} / ${app.applicationNo}: answer each request, correct and resubmit by ${e.deadline} (included). Requests: ${en}`,
      occurredAt: new Date(e.returnedAt),
      sourceEventId: meta.eventId!,
    });
  }

  @Consumes(ApplicationRejected, { durable: 'intake-corrections-rejected' })
  async rejected(e: ApplicationRejectedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    const rejection = { reason: e.reason, measuresIds: e.measuresIds, rejectedBy: e.rejectedBy, rejectedAt: e.rejectedAt };
    const app = await this.move(tx, meta, e.applicationId, ApplicationAction.rejectAtPreliminaryReview, e.reason, new Date(e.rejectedAt), {
      rejection: rejection as Prisma.InputJsonValue,
    }, { correctionDeadlinePassed: true }); // established by the prefecture when it rejected a returned one
    if (!app) return;
    await notify(tx, {
      enterpriseUscc: app.enterpriseUscc,
      applicationId: app.id,
      kind: 'rejected',
      body: `${app.applicationNo}：${e.reason}（${e.measuresIds.join('、')}）`,
      occurredAt: new Date(e.rejectedAt),
      sourceEventId: meta.eventId!,
    });
  }

  /** The transition the prefecture made, recorded here when the lifecycle allows it from intake's state. */
  private async move(
    tx: Tx,
    meta: MessageMeta,
    applicationId: string,
    action: ApplicationAction,
    reason: string,
    occurredAt: Date,
    data: Prisma.ApplicationUpdateManyMutationInput,
    facts: Partial<Record<GuardFact, boolean>> = {},
  ) {
    const app = await tx.application.findUnique({ where: { id: applicationId } });
    if (!app) return null; // not an application of this intake
    let to: ApplicationState;
    try {
      to = transition(app.state as ApplicationState, action, 'prefecture_officer', { reason, facts }).to;
    } catch (err) {
      if (!isDomainError(err)) throw err;
      // E.g. the enterprise withdrew meanwhile: the withdrawal stands; the prefecture learns it from intake's event.
      this.logger.warn({ applicationId, action, state: app.state, requestId: meta.requestId }, `ignored ${action}: ${err.code}`);
      return null;
    }
    const { count } = await tx.application.updateMany({ where: { id: app.id, state: app.state }, data: { ...data, state: to } });
    if (count !== 1) throw new Error(`application ${app.id} changed while recording ${action}; retry`);
    await appendHistory(tx, {
      applicationId: app.id,
      fromState: app.state as ApplicationState,
      toState: to,
      action,
      actorRole: 'prefecture_officer',
      actor: meta.actor,
      reason,
      occurredAt,
      sourceEventId: meta.eventId,
    });
    return app;
  }
}
