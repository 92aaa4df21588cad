import type {
  ObjectionAttachmentV1,
  ObjectionDetailV1,
  ObjectionFollowV1,
  ObjectionInquiryViewV1,
  ObjectionSummaryV1,
  PartyInquiryViewV1,
} from '@firstset/contracts';
import {
  ApplicationState,
  INQUIRY_PARTY_LABELS,
  InquiryParty,
  OBJECTION_STATUS_LABELS,
  OBJECTION_TRANSITIONS,
  ObjectionStatus,
  STATE_LABELS,
} from '@firstset/domain';
import { Candidate, DecisionListEntry, Objection, ObjectionInquiry, Publicity } from '../generated/prisma/client';

export type ObjectionRow = Objection & {
  entry: DecisionListEntry & { candidate: Candidate; decisionList?: { publicity: Publicity | null } };
  inquiries: ObjectionInquiry[];
};

/** The include that gives an `ObjectionRow`. */
export const OBJECTION_ROW = {
  entry: { include: { candidate: true, decisionList: { select: { publicity: true } } } },
  inquiries: { orderBy: { askedAt: 'asc' as const } },
};

const statusLabel = (s: string) => OBJECTION_STATUS_LABELS[s as ObjectionStatus] ?? { zh: s, en: s };
const entryOf = (c: Candidate) => ({ applicationNo: c.applicationNo, enterpriseName: c.enterpriseName, productName: c.productName, model: c.model });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The files' public particulars (never the object key). */
export function attachmentsOf(o: { attachments: Objection['attachments'] }): ObjectionAttachmentV1[] {
  if (!Array.isArray(o.attachments)) return [];
  return (o.attachments as unknown as Array<ObjectionAttachmentV1 & { objectKey: string }>).map(({ fileName, mediaType, size, sha256 }) => ({
    fileName,
    mediaType,
    size,
    sha256,
  }));
}

/** The objector's own view: status, dates and outcome; an admission's notes stay internal. */
export function toFollowView(o: Objection & { entry: { candidate: Candidate } }): ObjectionFollowV1 {
  return {
    receiptNo: o.receiptNo!,
    status: o.status,
    statusLabel: statusLabel(o.status),
    lodgedAt: o.lodgedAt.toISOString(),
    entry: entryOf(o.entry.candidate),
    attachments: attachmentsOf(o),
    assessedAt: iso(o.assessedAt),
    inadmissibleReason: o.status === 'inadmissible' ? o.assessment : null,
    decidedAt: iso(o.outcomeAt),
    outcomeReason: o.outcomeReason,
  };
}

export function toInquiryView(i: ObjectionInquiry): ObjectionInquiryViewV1 {
  return {
    id: i.id,
    party: i.party,
    partyLabel: INQUIRY_PARTY_LABELS[i.party as InquiryParty] ?? { zh: i.party, en: i.party },
    partyRef: i.partyRef,
    question: i.question,
    dueOn: i.dueOn,
    askedAt: i.askedAt.toISOString(),
    answer: i.answer,
    answeredAt: iso(i.answeredAt),
    attachments: attachmentsOf(i),
  };
}

export function toPartyInquiryView(i: ObjectionInquiry & { objection: Objection & { entry: { candidate: Candidate } } }): PartyInquiryViewV1 {
  return { ...toInquiryView(i), objectionId: i.objectionId, entry: entryOf(i.objection.entry.candidate), grounds: i.objection.grounds };
}

export function toSummary(o: ObjectionRow): ObjectionSummaryV1 {
  const c = o.entry.candidate;
  return {
    id: o.id,
    receiptNo: o.receiptNo ?? '',
    decisionListId: o.entry.decisionListId,
    applicationId: c.applicationId,
    applicationNo: c.applicationNo,
    enterpriseName: c.enterpriseName,
    productName: c.productName,
    entryState: c.state,
    entryStateLabel: STATE_LABELS[c.state as ApplicationState] ?? { zh: c.state, en: c.state },
    objectorName: o.objectorName,
    objectorKind: o.objectorKind,
    status: o.status,
    statusLabel: statusLabel(o.status),
    lodgedAt: o.lodgedAt.toISOString(),
    openInquiries: o.inquiries.filter((i) => i.answeredAt === null).length,
    version: o.version,
  };
}

export function toDetail(o: ObjectionRow): ObjectionDetailV1 {
  const p = o.entry.decisionList?.publicity ?? null;
  return {
    ...toSummary(o),
    phone: o.contact,
    email: o.email,
    grounds: o.grounds,
    attachments: attachmentsOf(o),
    prefectureId: o.entry.candidate.prefectureId,
    uscc: o.entry.candidate.uscc,
    publicity: p && { startDate: p.startDate, endDate: p.endDate, status: p.status },
    assessedAt: iso(o.assessedAt),
    assessment: o.assessment,
    decidedAt: iso(o.outcomeAt),
    outcomeReason: o.outcomeReason,
    inquiries: o.inquiries.map(toInquiryView),
    next: [...(OBJECTION_TRANSITIONS[o.status as ObjectionStatus] ?? [])],
  };
}
