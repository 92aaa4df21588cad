import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ObjectionFollowV1, ObjectionReceiptV1 } from '@firstset/contracts';
import {
  ApplicationState,
  LocalDate,
  OBJECTION_STATUS_LABELS,
  objectionInTime,
  objectionReceiptNo,
  startOfShanghaiDay,
  toShanghaiDate,
} from '@firstset/domain';
import { AttachObjectionEvidenceV1, LodgeObjectionV1, OBJECTION_ATTACHMENTS_MAX, ObjectionLodged } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Tx } from '../prisma';
import { ObjectionErrors } from './objections.errors';
import { toFollowView } from './objection-view';

/** Phone numbers compared by their digits: "0471-123 4567" is "04711234567". */
export const samePhone = (a: string, b: string) => a.replace(/\D/g, '') === b.replace(/\D/g, '');

/**
 * Anyone objects to an entry of a publicized list during its publicity (M9.2; ADR 0025): no
 * account, named, with a phone number; the receipt number and that phone open the case to them.
 * Only an entry of a PUBLISHED list, in an open publicity and not removed, takes objections.
 */
@Injectable()
export class LodgeObjection {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: LodgeObjectionV1, meta: MessageMeta): Promise<ObjectionReceiptV1> {
    return this.commands.run(meta, { action: 'objection.lodge', objectType: 'objection' }, async (tx) => {
      const now = this.clock.now();
      const entry = await tx.decisionListEntry.findUnique({
        where: { id: input.entryId },
        include: { candidate: true, decisionList: { include: { publicity: true } } },
      });
      const publicity = entry?.decisionList.publicity;
      // A list not published (or no such entry) is not public: the same 404 either way.
      if (!entry || !publicity || entry.decisionList.status === 'DECIDED') throw ObjectionErrors.entryNotFound();
      const startsAt = publicity.startsAt ?? startOfShanghaiDay(publicity.startDate as LocalDate);
      const timing = publicity.status === 'open' ? objectionInTime({ startsAt, endsAt: publicity.endsAt }, now) : 'too_late';
      if (timing === 'too_late') throw ObjectionErrors.periodOver(publicity.endDate);
      if (timing === 'too_early') throw ObjectionErrors.periodNotStarted(publicity.startDate);
      const state = entry.candidate.state;
      if (state !== ApplicationState.IN_PUBLICITY && state !== ApplicationState.OBJECTION_UNDER_INVESTIGATION) {
        throw ObjectionErrors.entryRemoved();
      }
      const receiptNo = await freshReceiptNo(tx, Number(toShanghaiDate(now).slice(0, 4)));
      const id = randomUUID();
      await tx.objection.create({
        data: {
          id,
          entryId: entry.id,
          receiptNo,
          objectorName: input.objectorName,
          objectorKind: input.objectorKind,
          contact: input.phone,
          email: input.email ?? null,
          grounds: input.grounds,
          status: 'received',
          lodgedAt: now,
        },
      });
      await this.outbox.append(
        tx,
        ObjectionLodged,
        { objectionId: id, decisionListId: entry.decisionListId, applicationId: entry.applicationId, lodgedAt: now.toISOString() },
        meta,
      );
      return {
        result: { receiptNo, lodgedAt: now.toISOString(), status: 'received', statusLabel: OBJECTION_STATUS_LABELS.received },
        objectId: id,
        detail: { entryId: entry.id, applicationId: entry.applicationId },
      };
    });
  }
}

async function freshReceiptNo(tx: Tx, year: number): Promise<string> {
  for (;;) {
    const receiptNo = objectionReceiptNo(year, randomBytes(8));
    if (!(await tx.objection.findUnique({ where: { receiptNo }, select: { id: true } }))) return receiptNo;
  }
}

/**
 * The gateway stored a file of evidence (its type decided by content) and records it here, for the
 * objector with the right receipt number and phone, while the objection is still being received.
 */
@Injectable()
export class AttachObjectionEvidence {
  constructor(private readonly commands: CommandRunner<Tx>) {}

  execute(input: AttachObjectionEvidenceV1, meta: MessageMeta): Promise<ObjectionFollowV1> {
    return this.commands.run(meta, { action: 'objection.attach', objectType: 'objection' }, async (tx) => {
      const o = await tx.objection.findUnique({ where: { receiptNo: input.receiptNo }, include: { entry: { include: { candidate: true } } } });
      if (!o || !samePhone(o.contact, input.phone)) throw ObjectionErrors.notFound();
      if (o.status !== 'received') throw ObjectionErrors.wrongStatus(o.status, 'received');
      const files = o.attachments as unknown as Array<{ sha256: string }>;
      const { fileName, mediaType, size, sha256, objectKey } = input;
      const known = files.some((f) => f.sha256 === sha256);
      if (!known && files.length >= OBJECTION_ATTACHMENTS_MAX) throw ObjectionErrors.attachmentsFull(OBJECTION_ATTACHMENTS_MAX);
      const attachments = known ? files : [...files, { fileName, mediaType, size, sha256, objectKey }];
      const { count } = await tx.objection.updateMany({
        where: { id: o.id, version: o.version },
        data: { attachments: attachments as Prisma.InputJsonValue, version: { increment: known ? 0 : 1 } },
      });
      if (count !== 1) throw ObjectionErrors.stale(o.version);
      return { result: toFollowView({ ...o, attachments: attachments as Prisma.JsonValue }), objectId: o.id, detail: { sha256, size, mediaType } };
    });
  }
}
