import type { ApplicantBanViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';

export type ApplicantBanView = ApplicantBanViewV1;

/** Applicant bans (M10.2), for the Department and auditors. */
@Injectable()
export class ReadApplicantBans {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(meta: MessageMeta): Promise<ApplicantBanView[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const today = toShanghaiDate(this.clock.now());
    const rows = await this.db.applicantBan.findMany({ orderBy: { createdAt: 'desc' }, take: 2000 });
    return rows.map((b) => ({
      banId: b.id,
      uscc: b.uscc,
      startsOn: b.startsOn,
      endsOn: b.endsOn,
      reason: b.reason,
      revocationId: b.revocationId,
      activeToday: b.startsOn <= today && today <= b.endsOn,
    }));
  }
}
