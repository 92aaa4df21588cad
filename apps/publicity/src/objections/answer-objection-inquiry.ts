import { Injectable } from '@nestjs/common';
import type { PartyInquiryViewV1 } from '@firstset/contracts';
import { AnswerObjectionInquiryV1 } from '@firstset/contracts';
import { ActorContext, MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { ObjectionErrors } from './objections.errors';
import { toPartyInquiryView } from './objection-view';

/** The roles a question may be put to, and the party each answers for. */
export const PARTY_ROLES = ['prefecture_officer', 'institution_staff', 'enterprise'] as const;

/** The inquiries the actor answers for: its prefecture's, its institution's or its enterprise's (others are not found). */
export function partyOf(actor: ActorContext): { party: string; partyRef: string } {
  if (actor.role === 'prefecture_officer') return { party: 'prefecture', partyRef: actor.prefectureId! };
  if (actor.role === 'enterprise') return { party: 'enterprise', partyRef: actor.enterpriseUscc! };
  return { party: 'institution', partyRef: actor.institutionId ?? '' };
}

/** The party asked answers, once, while the investigation runs (ADR 0025). */
@Injectable()
export class AnswerObjectionInquiry {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: AnswerObjectionInquiryV1, meta: MessageMeta): Promise<PartyInquiryViewV1> {
    const actor = requireActor(meta, PARTY_ROLES);
    const spec = { action: 'objection-inquiry.answer', objectType: 'objection-inquiry', objectId: input.inquiryId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const inquiry = await tx.objectionInquiry.findFirst({
        where: { id: input.inquiryId, ...partyOf(actor) },
        include: { objection: true },
      });
      if (!inquiry || !inquiry.partyRef) throw ObjectionErrors.inquiryNotFound();
      if (inquiry.answeredAt) throw ObjectionErrors.alreadyAnswered();
      if (inquiry.objection.status !== 'under_investigation') throw ObjectionErrors.wrongStatus(inquiry.objection.status, 'under_investigation');
      const { count } = await tx.objectionInquiry.updateMany({
        where: { id: inquiry.id, answeredAt: null },
        data: { answer: input.answer, answeredBy: actor.userId, answeredAt: now },
      });
      if (count !== 1) throw ObjectionErrors.alreadyAnswered();
      const saved = await tx.objectionInquiry.findUniqueOrThrow({
        where: { id: inquiry.id },
        include: { objection: { include: { entry: { include: { candidate: true } } } } },
      });
      return { result: toPartyInquiryView(saved), detail: { objectionId: inquiry.objectionId } };
    });
  }
}
