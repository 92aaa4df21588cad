import type { DecisionListDetailViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { OptionalBatchDto } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { toPublicityView } from '../publicity/publicity-view';
import { toDecisionListView } from './decision-list-view';
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
      include: { entries: true, publicity: true, documents: { where: { kind: 'main', status: 'issued' } } },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    return lists.map((l) => ({
      ...toDecisionListView(l, [...l.entries].sort((a, b) => a.seq - b.seq).map((e) => e.applicationId)),
      publicity: l.publicity ? toPublicityView(l.publicity) : null,
      document: issuedMain(l.documents),
    }));
  }
}

/** The list's main recognition document once issued (number and date exist only from the issue on). */
function issuedMain(documents: Array<{ documentNo: string | null; documentDate: string | null }>): { documentNo: string; documentDate: string } | null {
  const d = documents.find((x) => x.documentNo !== null && x.documentDate !== null);
  return d ? { documentNo: d.documentNo!, documentDate: d.documentDate! } : null;
}
