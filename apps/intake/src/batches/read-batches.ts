import { Inject, Injectable } from '@nestjs/common';
import { PolicyProfileRegistry } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA } from '@firstset/service-kit';
import { Db } from '../prisma';
import type { BatchListEntryV1 } from '@firstset/contracts';
import { toBatchView } from './open-batch';

/** Batches are public information: anyone may see the calls for applications. */
@Injectable()
export class ReadBatches {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async list(_meta: MessageMeta): Promise<BatchListEntryV1[]> {
    const batches = await this.db.batch.findMany({
      orderBy: { windowOpensAt: 'desc' },
      take: 50,
      include: { windowChanges: { orderBy: { changedAt: 'asc' } } },
    });
    // Extensions and early closes are public with their reasons (M7.1); who changed it stays in the audit log.
    return batches.map((b) => ({
      ...toBatchView(b, this.profiles),
      windowChanges: b.windowChanges.map((c) => ({
        kind: c.kind,
        previousClosesAt: c.previousClosesAt.toISOString(),
        newClosesAt: c.newClosesAt.toISOString(),
        reason: c.reason,
        changedAt: c.changedAt.toISOString(),
      })),
    }));
  }
}
