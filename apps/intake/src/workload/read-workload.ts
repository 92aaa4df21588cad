import type { WorkloadItemV1, WorkloadV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationState, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';

/** The earliest of some China dates (YYYY-MM-DD sorts as text), or null. */
const earliest = (dates: (string | null | undefined)[]): string | null => dates.filter((d): d is string => !!d).sort()[0] ?? null;

/**
 * What intake has waiting for the caller (workspace home, ADR 0030), counted with the very
 * conditions of the lists the home links to: an enterprise's drafts and returned applications
 * (`GET /api/applications?state=…`) and unread notices (`GET /api/notifications?unreadOnly=true`);
 * the Department's (and auditor's) batches whose window is open now (the batches page's
 * `?window=open`).
 */
@Injectable()
export class ReadWorkload {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(meta: MessageMeta): Promise<WorkloadV1> {
    const actor = requireActor(meta, ['enterprise', 'department_officer', 'auditor']);
    if (actor.role !== 'enterprise') return { items: [await this.openBatches()] };
    const own = { enterpriseUscc: actor.enterpriseUscc! };
    const [drafts, returned, unread] = await Promise.all([
      this.db.application.count({ where: { ...own, state: ApplicationState.DRAFT } }),
      this.db.application.findMany({ where: { ...own, state: ApplicationState.RETURNED_FOR_CORRECTION }, select: { correction: true } }),
      this.db.notification.count({ where: { ...own, readAt: null } }),
    ]);
    // The correction request (M7.3) carries its deadline; the nearest one is what to answer first.
    const deadlines = returned.map((a) => (a.correction as { deadline?: string } | null)?.deadline);
    return {
      items: [
        { key: 'enterprise.drafts', count: drafts, nextDeadline: null },
        { key: 'enterprise.returned', count: returned.length, nextDeadline: earliest(deadlines) },
        { key: 'enterprise.unreadNotices', count: unread, nextDeadline: null },
      ],
    };
  }

  /** Batches whose application window is open now (M7.1); the deadline is the nearest closing day. */
  private async openBatches(): Promise<WorkloadItemV1> {
    const now = this.clock.now();
    const open = await this.db.batch.findMany({ where: { windowOpensAt: { lte: now }, windowClosesAt: { gt: now } }, select: { windowClosesAt: true } });
    return { key: 'department.openBatches', count: open.length, nextDeadline: earliest(open.map((b) => toShanghaiDate(b.windowClosesAt))) };
  }
}
