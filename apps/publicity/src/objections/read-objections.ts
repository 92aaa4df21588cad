import { Inject, Injectable } from '@nestjs/common';
import type { ObjectionDetailV1, ObjectionFollowV1, ObjectionSummaryV1, PartyInquiryViewV1 } from '@firstset/contracts';
import { FollowObjectionV1, ListObjectionsV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { ObjectionErrors } from './objections.errors';
import { OBJECTION_ROW, toDetail, toFollowView, toPartyInquiryView, toSummary } from './objection-view';
import { samePhone } from './lodge-objection';
import { PARTY_ROLES, partyOf } from './answer-objection-inquiry';

/** Objections as the objector, the Department (with the auditor) and the parties asked see them. */
@Injectable()
export class ReadObjections {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /** The objector's own case, by receipt number and phone; a wrong pair is 404 without saying which. */
  async follow(input: FollowObjectionV1): Promise<ObjectionFollowV1> {
    const o = await this.db.objection.findUnique({ where: { receiptNo: input.receiptNo }, include: { entry: { include: { candidate: true } } } });
    if (!o || !samePhone(o.contact, input.phone)) throw ObjectionErrors.notFound();
    return toFollowView(o);
  }

  async list(input: ListObjectionsV1, meta: MessageMeta): Promise<ObjectionSummaryV1[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const rows = await this.db.objection.findMany({
      where: {
        ...(input.status ? { status: input.status } : {}),
        ...(input.decisionListId ? { entry: { decisionListId: input.decisionListId } } : {}),
      },
      include: OBJECTION_ROW,
      orderBy: { lodgedAt: 'desc' },
      take: 500,
    });
    return rows.map(toSummary);
  }

  async get(id: string, meta: MessageMeta): Promise<ObjectionDetailV1> {
    requireActor(meta, ['department_officer', 'auditor']);
    const o = await this.db.objection.findUnique({ where: { id }, include: OBJECTION_ROW });
    if (!o) throw ObjectionErrors.notFound();
    return toDetail(o);
  }

  /** The questions put to the caller's own prefecture, institution or enterprise, open ones first. */
  async mine(meta: MessageMeta): Promise<PartyInquiryViewV1[]> {
    const party = partyOf(requireActor(meta, PARTY_ROLES));
    if (!party.partyRef) return [];
    const rows = await this.db.objectionInquiry.findMany({
      where: party,
      include: { objection: { include: { entry: { include: { candidate: true } } } } },
      orderBy: [{ askedAt: 'desc' }],
      take: 500,
    });
    return rows.map(toPartyInquiryView).sort((a, b) => Number(a.answeredAt !== null) - Number(b.answeredAt !== null));
  }
}
