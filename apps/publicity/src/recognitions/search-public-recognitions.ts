import type { PublicRecognitionPageV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { pageOf, SearchPublicRecognitionsV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { Clock, PRISMA } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { statusWhere, toPublicRecognitionView } from './registry-view';

/**
 * The public registry of recognized products (M13.1), searched and paged on the server. Expired and
 * revoked entries stay with their status (M13.2, M10.2): the list is kept up to date, not pruned.
 * Newest documents first, then by enterprise.
 */
@Injectable()
export class SearchPublicRecognitions {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async search(q: SearchPublicRecognitionsV1): Promise<PublicRecognitionPageV1> {
    const today = toShanghaiDate(this.clock.now());
    const { page, pageSize, skip, take } = pageOf(q);
    const words = q.search?.trim();
    const and: Prisma.RecognitionWhereInput[] = [];
    if (words) {
      const contains = { contains: words, mode: 'insensitive' as const };
      and.push({
        OR: [
          { enterpriseName: contains },
          { uscc: contains },
          { productName: contains },
          { model: contains },
          { documentNo: contains },
          { certificateNo: contains },
        ],
      });
    }
    if (q.productKind) and.push({ productKind: q.productKind });
    if (q.fieldCode) and.push({ fieldCode: q.fieldCode });
    if (q.prefectureId) and.push({ prefectureId: q.prefectureId });
    if (q.year) and.push({ year: q.year });
    if (q.status) and.push(statusWhere(q.status, today));
    const where: Prisma.RecognitionWhereInput = and.length > 0 ? { AND: and } : {};
    const [rows, total] = await Promise.all([
      this.db.recognition.findMany({ where, orderBy: [{ documentDate: 'desc' }, { enterpriseName: 'asc' }, { id: 'asc' }], skip, take }),
      this.db.recognition.count({ where }),
    ]);
    return { items: rows.map((r) => toPublicRecognitionView(r, today)), total, page, pageSize };
  }
}
