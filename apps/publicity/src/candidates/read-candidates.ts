import { Inject, Injectable } from '@nestjs/common';
import { OptionalBatchDto } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { CandidateView, toCandidateView } from './candidate-view';

/** Reviewed applications with their scores and opinions: for the Department and auditors only. */
@Injectable()
export class ReadCandidates {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(input: OptionalBatchDto, meta: MessageMeta): Promise<CandidateView[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const rows = await this.db.candidate.findMany({
      where: input.batchId ? { batchId: input.batchId } : {},
      orderBy: [{ score: 'desc' }, { applicationNo: 'asc' }],
      take: 1000,
    });
    return rows.map(toCandidateView);
  }
}
