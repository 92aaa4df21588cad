import { Inject, Injectable } from '@nestjs/common';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA } from '@firstset/service-kit';
import { Db } from '../prisma';
import { BatchView, toBatchView } from './open-batch';

/** Batches are public information: anyone may see the calls for applications. */
@Injectable()
export class ReadBatches {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(_meta: MessageMeta): Promise<BatchView[]> {
    const batches = await this.db.batch.findMany({ orderBy: { windowOpensAt: 'desc' }, take: 50 });
    return batches.map(toBatchView);
  }
}
