import type { RecognitionViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import {
  LocalDate,
  PolicyProfileRegistry,
  recognitionStatusAt,
  RecognitionValidity,
  toShanghaiDate,
} from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';

export type RecognitionView = RecognitionViewV1;

/** Recognitions as compliance holds them, for the Department and auditors (M13.1). */
@Injectable()
export class ReadRecognitions {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async list(meta: MessageMeta): Promise<RecognitionView[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const today = toShanghaiDate(this.clock.now());
    const rows = await this.db.recognition.findMany({
      include: { revocation: true },
      orderBy: [{ documentDate: 'desc' }, { enterpriseName: 'asc' }],
      take: 2000,
    });
    return rows.map((r) => ({
      recognitionId: r.id,
      applicationId: r.applicationId,
      uscc: r.uscc,
      enterpriseName: r.enterpriseName,
      product: { kind: r.productKind, name: r.productName, series: r.series, model: r.model },
      documentNo: r.documentNo,
      documentDate: r.documentDate,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      state: r.state,
      status: recognitionStatusAt(validityOf(r, this.profiles), today, { revokedOn: (r.revocation?.decisionDate as LocalDate) ?? null }),
      revocation: r.revocation
        ? { revocationId: r.revocation.id, decisionDate: r.revocation.decisionDate, reason: r.revocation.reason }
        : null,
    }));
  }
}

/** The validity publicity computed (M13.2), as stored with the recognition. */
const validityOf = (
  r: { documentDate: string; validFrom: string; validUntil: string; policyProfileId: string; policyProfileVersion: string },
  profiles: PolicyProfileRegistry,
): RecognitionValidity => ({
  documentDate: r.documentDate as LocalDate,
  validFrom: r.validFrom as LocalDate,
  validUntil: r.validUntil as LocalDate,
  years: profiles.resolve({ id: r.policyProfileId, version: r.policyProfileVersion }).validityYears,
});
