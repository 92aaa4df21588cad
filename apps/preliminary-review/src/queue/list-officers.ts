import type { OfficerViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';

export type OfficerView = OfficerViewV1;

/**
 * The officers of the own prefecture this service has seen at work (anyone who claimed, reviewed or
 * decided): whom a case can be assigned to, and the names behind the user ids on a case.
 */
@Injectable()
export class ListOfficers {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async execute(_input: object, meta: MessageMeta): Promise<OfficerView[]> {
    const actor = requireActor(meta, ['prefecture_officer']);
    const rows = await this.db.knownOfficer.findMany({ where: { prefectureId: actor.prefectureId ?? '\u0000' }, orderBy: [{ displayName: 'asc' }, { userId: 'asc' }] });
    return rows.map((r) => ({ userId: r.userId, displayName: r.displayName, lastSeenAt: r.lastSeenAt.toISOString() }));
  }
}
