import type { PublicRecognitionViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { Clock, PRISMA } from '@firstset/service-kit';
import { Db } from '../prisma';

export type PublicRecognitionView = PublicRecognitionViewV1;

/**
 * The public registry of recognized products (M13.1): recognitions in force today, revoked ones
 * dropped from their decision date and expired ones after their last valid day (M13.2).
 */
@Injectable()
export class ReadPublicRecognitions {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<PublicRecognitionView[]> {
    const today = toShanghaiDate(this.clock.now());
    const rows = await this.db.recognition.findMany({
      where: { revokedOn: null, validUntil: { gte: today } },
      orderBy: [{ documentDate: 'desc' }, { enterpriseName: 'asc' }],
      take: 2000,
    });
    return rows.map((r) => ({
      enterpriseName: r.enterpriseName,
      product: { kind: r.productKind, name: r.productName, series: r.series, model: r.model },
      documentNo: r.documentNo,
      documentDate: r.documentDate,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
    }));
  }
}
