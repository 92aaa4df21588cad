// Response shapes of compliance cases and the registry (ADR 0026): aliases of the reply schemas the
// gateway's OpenAPI document carries; labels from the domain's vocabulary.
import { CASE_STATUS_LABELS, SANCTION_MEASURE_LABELS, SANCTION_STATUS_LABELS, type CaseStatus, type SanctionMeasure, type SanctionStatus } from '@firstset/domain';
export { CASE_MEASURES, CASE_STATUSES, SANCTION_MEASURES, SANCTION_STATUSES, type CaseMeasure } from '@firstset/domain';
import type { components } from '../../shared/api/generated/schema';

type S = components['schemas'];

export type ComplianceCase = S['ComplianceCaseViewV1'];
export type SanctionRecord = S['SanctionRecordV1'];
export type PublicSanction = S['PublicSanctionV1'];


const pick = (locale: string, l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
export const measureLabel = (locale: string, m: string) => pick(locale, SANCTION_MEASURE_LABELS[m as SanctionMeasure] ?? { zh: m, en: m });
export const caseStatusLabel = (locale: string, s: string) => pick(locale, CASE_STATUS_LABELS[s as CaseStatus] ?? { zh: s, en: s });
export const sanctionStatusLabel = (locale: string, s: string) => pick(locale, SANCTION_STATUS_LABELS[s as SanctionStatus] ?? { zh: s, en: s });

/** Open cases stand out; a decided one with a sanction is red. */
export const CASE_STATUS_COLOR: Record<string, string> = {
  opened: 'processing',
  notified: 'warning',
  statement_received: 'processing',
  decided: 'default',
  dropped: 'default',
};

export const SANCTION_STATUS_COLOR: Record<string, string> = {
  not_yet: 'default',
  in_force: 'error',
  suspended: 'warning',
  lifted: 'success',
  set_aside: 'success',
  ended: 'default',
};

/** A notice kept "中文\n\nEnglish": the reader's half. */
export const noticeIn = (locale: string, text: string | null) => {
  if (!text) return '';
  const [zh, en] = text.split('\n\n');
  return locale === 'en' && en ? en : zh;
};
