import type { SlotApplicability } from '../../shared/api/views';

/** The declaration behind "not applicable" (the tag already says it is not applicable). */
export function declaredWhy(slot: Pick<SlotApplicability, 'reasonZh' | 'reasonEn'>, locale: string): string {
  const reason = locale === 'en' ? slot.reasonEn : slot.reasonZh;
  const at = reason.indexOf(locale === 'en' ? ': ' : '：');
  return at < 0 ? reason : reason.slice(at + 1).trim();
}
