import type { PublicRecognitionViewV1, RecognitionEventViewV1 } from '@firstset/contracts';
import { addDays, LocalDate, parseLocalDate, recognitionStatusAt } from '@firstset/domain';
import { Prisma, Recognition, RecognitionEvent } from '../generated/prisma/client';

/**
 * A registry entry as anyone may read it (M13.1): particulars, numbers, validity and the status on
 * `today` (M13.2 expiry, M10.2 revocation). Never the scores, the report or the reviewers.
 */
export function toPublicRecognitionView(r: Recognition, today: LocalDate): PublicRecognitionViewV1 {
  const validity = { documentDate: r.documentDate as LocalDate, validFrom: r.validFrom as LocalDate, validUntil: r.validUntil as LocalDate, years: 0 };
  const status = recognitionStatusAt(validity, today, { revokedOn: r.revokedOn as LocalDate | null });
  return {
    id: r.id,
    version: r.version,
    enterpriseName: r.enterpriseName,
    uscc: r.uscc,
    product: { kind: r.productKind, name: r.productName, series: r.series, model: r.model },
    documentNo: r.documentNo,
    documentDate: r.documentDate,
    certificateNo: r.certificateNo,
    prefectureId: r.prefectureId,
    fieldCode: r.fieldCode,
    year: r.year,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    status,
    statusSince: status === 'revoked' ? r.revokedOn : status === 'expired' ? addDays(parseLocalDate(r.validUntil), 1) : null,
  };
}

export const toEventView = (e: RecognitionEvent): RecognitionEventViewV1 => ({
  kind: e.kind as RecognitionEventViewV1['kind'],
  occurredOn: e.occurredOn,
  detail: (e.detail ?? {}) as Record<string, unknown>,
});

/** The rows with a status on `today`, as a filter: the same rule as `recognitionStatusAt`. */
export function statusWhere(status: 'valid' | 'expired' | 'revoked', today: LocalDate): Prisma.RecognitionWhereInput {
  const notRevoked: Prisma.RecognitionWhereInput = { OR: [{ revokedOn: null }, { revokedOn: { gt: today } }] };
  if (status === 'revoked') return { revokedOn: { lte: today } };
  if (status === 'expired') return { AND: [notRevoked, { validUntil: { lt: today } }] };
  return { AND: [notRevoked, { validFrom: { lte: today } }, { validUntil: { gte: today } }] };
}
