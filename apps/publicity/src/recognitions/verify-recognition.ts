import type { RecognitionVerificationV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { VerifyRecognitionV1 } from '@firstset/contracts';
import { PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { Clock, notFound, PRISMA } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { toEventView, toPublicRecognitionView } from './registry-view';

/**
 * Anyone checks a certificate or a recognition document by its number (M13.1, M13.2): the live
 * status of each product it covers, with its history and, when revoked, the public notice. An
 * unknown number is 404 whatever its form, so the answer tells nothing about numbering.
 */
@Injectable()
export class VerifyRecognition {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async verify({ no }: VerifyRecognitionV1): Promise<RecognitionVerificationV1> {
    const asked = no.trim();
    const today = toShanghaiDate(this.clock.now());
    const include = { history: { orderBy: [{ occurredOn: 'asc' }, { occurredAt: 'asc' }, { id: 'asc' }] } } satisfies Prisma.RecognitionInclude;
    const byCertificate = await this.db.recognition.findUnique({ where: { certificateNo: asked }, include });
    const rows = byCertificate
      ? [byCertificate]
      : await this.db.recognition.findMany({ where: { documentNo: asked }, include, orderBy: [{ certificateNo: 'asc' }, { enterpriseName: 'asc' }] });
    if (rows.length === 0) throw notFound('recognition');
    const first = rows[0]!;
    const candidate = await this.db.candidate.findUnique({ where: { applicationId: first.applicationId } });
    const issuer = this.profiles.resolve(candidate && { id: candidate.policyProfileId, version: candidate.policyProfileVersion }).recognition;
    return {
      matched: byCertificate ? 'certificate' : 'document',
      no: asked,
      checkedOn: today,
      document: { documentNo: first.documentNo, documentDate: first.documentDate, issuerZh: issuer.issuerZh, issuerEn: issuer.issuerEn },
      recognitions: rows.map((r) => ({
        ...toPublicRecognitionView(r, today),
        revocationNotice: r.revocationNotice,
        history: r.history.map(toEventView),
      })),
    };
  }
}
