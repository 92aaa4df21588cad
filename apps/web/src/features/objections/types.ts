// Response shapes of the objections' reads (ADR 0025): aliases of the reply schemas the gateway's
// OpenAPI document carries (generated from the contracts).
import type { components } from '../../shared/api/generated/schema';

type S = components['schemas'];

export type ObjectionSummary = S['ObjectionSummaryV1'];
export type ObjectionDetail = S['ObjectionDetailV1'];
export type ObjectionFollow = S['ObjectionFollowV1'];
export type PartyInquiry = S['PartyInquiryViewV1'];

export const OBJECTION_STATUSES = ['received', 'inadmissible', 'under_investigation', 'upheld', 'dismissed'] as const;

/** The tag colour of an objection's status: open ones stand out, upheld ones in red. */
export const STATUS_COLOR: Record<string, string> = {
  received: 'processing',
  under_investigation: 'warning',
  inadmissible: 'default',
  upheld: 'error',
  dismissed: 'success',
};

/** A label the server sends in both languages, in the reader's. */
export const inLocale = (locale: string, l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);

/** Same as the contracts' OBJECTOR_PHONE_PATTERN and OBJECTION_RECEIPT_PATTERN (checked again by the server). */
export const PHONE_PATTERN = /^[0-9+\-() ]{5,20}$/;
export const RECEIPT_PATTERN = /^\d{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
