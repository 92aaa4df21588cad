import type { DecisionListDetailViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { OptionalBatchDto } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { toPublicityView } from '../publicity/publicity-view';
import { Db } from '../prisma';

export type DecisionListDetailView = DecisionListDetailViewV1;

/** Decision lists with their publicity and recognition document, for the Department and auditors. */
@Injectable()
export class ReadDecisionLists {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(input: OptionalBatchDto, meta: MessageMeta): Promise<DecisionListDetailView[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const lists = await this.db.decisionList.findMany({
      where: input.batchId ? { batchId: input.batchId } : {},
      include: { entries: true, publicity: true, document: true },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    return lists.map((l) => ({
      id: l.id,
      batchId: l.batchId,
      status: l.status,
      decidedOn: l.decidedOn,
      applicationIds: l.entries.map((e) => e.applicationId),
      publicity: l.publicity ? toPublicityView(l.publicity) : null,
      document: l.document ? { documentNo: l.document.documentNo, documentDate: l.document.documentDate } : null,
    }));
  }
}
