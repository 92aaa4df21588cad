import { EXPERT_FIELD_CODES, PRODUCT_KINDS } from '@firstset/domain';
import { PREFECTURES } from '../../shared/ui/prefectures';

export const RECOGNITION_STATUSES = ['valid', 'expired', 'revoked'] as const;

/** The registry's filters and page in the URL (useSearchState): a reload or a shared link shows the same. */
export const REGISTRY_DEFAULTS = {
  q: undefined as string | undefined,
  kind: undefined as string | undefined,
  field: undefined as string | undefined,
  prefecture: undefined as string | undefined,
  year: undefined as string | undefined,
  status: undefined as string | undefined,
  page: 1,
  pageSize: 20,
};
export type RegistrySearch = typeof REGISTRY_DEFAULTS;

const oneOf = (allowed: readonly string[], v: string | undefined): string | undefined => (v && allowed.includes(v) ? v : undefined);

/**
 * The server query for what the URL says. A hand-edited link's junk reads as no filter rather than
 * as an error page: an unknown kind, field, prefecture or status, a year that is not one, a page
 * size out of range.
 */
export function registryQuery(s: RegistrySearch) {
  const year = s.year && /^\d{4}$/.test(s.year) ? Number(s.year) : undefined;
  return {
    search: s.q?.trim() || undefined,
    productKind: oneOf(PRODUCT_KINDS, s.kind) as (typeof PRODUCT_KINDS)[number] | undefined,
    fieldCode: oneOf(EXPERT_FIELD_CODES, s.field),
    prefectureId: oneOf(PREFECTURES.map((p) => p.id), s.prefecture),
    year: year && year >= 2000 && year <= 2100 ? year : undefined,
    status: oneOf(RECOGNITION_STATUSES, s.status) as (typeof RECOGNITION_STATUSES)[number] | undefined,
    page: Math.max(1, Math.trunc(s.page) || 1),
    pageSize: Math.min(100, Math.max(1, Math.trunc(s.pageSize) || 20)),
  };
}

/** The years a visitor can pick: from the platform's first year to this one, newest first. */
export function registryYears(thisYear: number, first = 2024): number[] {
  return Array.from({ length: Math.max(0, thisYear - first + 1) }, (_, i) => thisYear - i);
}

/** The number a row is verified by: its certificate's, else its document's. */
export const verifyNumberOf = (r: { certificateNo: string | null; documentNo: string }): string => r.certificateNo ?? r.documentNo;
