import { ApplicationPartnerV1, SummaryEntryV1 } from '@firstset/contracts';
import { ReviewCase } from '../generated/prisma/client';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';

/**
 * The ordered entries of a prefecture's summary (M7.3): the named order first, then the other
 * recommended applications in the order they were recommended. References, never files.
 */
export function summaryEntries(recommended: ReviewCase[], order: string[] = []): SummaryEntryV1[] {
  const byId = new Map(recommended.map((c) => [c.id, c]));
  if (new Set(order).size !== order.length || order.some((id) => !byId.has(id))) throw PreliminaryReviewErrors.summaryOrderInvalid();
  const rest = recommended.filter((c) => !order.includes(c.id));
  return [...order.map((id) => byId.get(id)!), ...rest].map((c, i) => ({
    order: i + 1,
    applicationId: c.id,
    batchId: c.batchId,
    applicationNo: c.applicationNo,
    prefectureId: c.prefectureId,
    enterprise: { uscc: c.enterpriseUscc, name: c.enterpriseName, registeredAddress: c.enterpriseAddress },
    product: { kind: c.productKind as SummaryEntryV1['product']['kind'], name: c.productName, series: c.series, model: c.model, rdCompletedOn: c.rdCompletedOn },
    policyProfile: { id: c.policyProfileId, version: c.policyProfileVersion },
    opinion: c.opinion ?? '',
    ...(c.catalogueEntryCode ? { catalogueEntryCode: c.catalogueEntryCode } : {}),
    ...fieldOf(c),
    ...partnersOf(c),
  }));
}

/**
 * The product's M4.2 field for the comprehensive review's panels (issue 17): the equipment field the
 * applicant chose (EF01–EF18), or "NM" for a material (its catalogue category is not a field).
 */
function fieldOf(c: Pick<ReviewCase, 'productKind' | 'catalogueEntryCode'>): { fieldCode?: string } {
  if (c.productKind === 'FIRST_BATCH_MATERIAL') return { fieldCode: 'NM' };
  return c.catalogueEntryCode && /^EF(0[1-9]|1[0-8])$/.test(c.catalogueEntryCode) ? { fieldCode: c.catalogueEntryCode } : {};
}

/**
 * The application's partners and licensors for the comprehensive review's conflict check (M11.1):
 * the assignors and licensors its IP list names (intake's submission carries them; a case received
 * before they were carried has none). Omitted when none, as older producers omit it.
 */
export function partnersOf(c: Pick<ReviewCase, 'partners'>): { partners?: ApplicationPartnerV1[] } {
  const raw = Array.isArray(c.partners) ? c.partners : [];
  const partners = raw.flatMap((p) => {
    const { name, uscc } = (p ?? {}) as { name?: unknown; uscc?: unknown };
    return typeof name === 'string' && name ? [{ name, ...(typeof uscc === 'string' ? { uscc } : {}) }] : [];
  });
  return partners.length ? { partners } : {};
}

/** The recommended cases of a prefecture in a batch, in the order they were recommended. */
export const recommendedWhere = (batchId: string, prefectureId: string) => ({
  where: { batchId, prefectureId, state: 'RECOMMENDED' },
  orderBy: [{ decidedAt: 'asc' as const }, { applicationNo: 'asc' as const }],
});
