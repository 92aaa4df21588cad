import { Controller } from '@nestjs/common';
import { ObjectionDecided, ObjectionDecidedV1, ObjectionInquiryAsked, ObjectionInquiryAskedV1 } from '@firstset/contracts';
import { Consumes, MessageMeta } from '@firstset/messaging';
import { notify } from '../notifications/notify';
import { Tx } from '../prisma';

/**
 * Objections to a publicized entry, as the enterprise hears of them (M9.3; ADR 0025): an upheld
 * objection removes its product from the list, with the reason; a question put to the enterprise
 * during an investigation lands in its inbox with the due date. The objector has no account and
 * reads the outcome on the public follow page.
 */
@Controller()
export class ObjectionEventsConsumer {
  @Consumes(ObjectionDecided, { durable: 'intake-objection-decided' })
  async decided(e: ObjectionDecidedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    if (e.outcome !== 'upheld') return;
    const app = await tx.application.findUnique({ where: { id: e.applicationId }, select: { id: true, enterpriseUscc: true } });
    if (!app) return; // not an application of this intake
    await notify(tx, {
      enterpriseUscc: app.enterpriseUscc,
      applicationId: app.id,
      kind: 'objection_upheld',
      body: `${e.applicationNo}：公示期间的异议经调查成立，产品已移出认定名单。理由：${e.reason} / ${e.applicationNo}: an objection raised during the publicity was upheld and the product was removed from the list. Reason: ${e.reason}`,
      occurredAt: new Date(e.decidedAt),
      sourceEventId: meta.eventId!,
    });
  }

  @Consumes(ObjectionInquiryAsked, { durable: 'intake-objection-inquiry' })
  async inquiry(e: ObjectionInquiryAskedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    if (e.party !== 'enterprise') return;
    const app = await tx.application.findUnique({ where: { id: e.applicationId }, select: { id: true, enterpriseUscc: true } });
    if (!app || app.enterpriseUscc !== e.partyRef) return;
    await notify(tx, {
      enterpriseUscc: app.enterpriseUscc,
      applicationId: app.id,
      kind: 'objection_inquiry',
      body: `${e.applicationNo}：针对公示异议，请于 ${e.dueOn}（含当日）前在“异议核查”中答复：${e.question} / ${e.applicationNo}: about an objection to the publicized list, answer under "Objection inquiries" by ${e.dueOn} (included): ${e.question}`,
      occurredAt: new Date(e.askedAt),
      sourceEventId: meta.eventId!,
    });
  }
}
