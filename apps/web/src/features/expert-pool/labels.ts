import { EXPERT_FIELD_CODES, EXPERT_REGION_CODES, expertFieldName } from '@firstset/domain';
import type { Locale } from '../../shared/i18n/translate';
import { prefectureName } from '../../shared/ui/prefectures';

/** An M4.2 field code with its name (EF04 大型矿山和冶金装备; NM 新材料). */
export function fieldLabel(code: string, locale: Locale): string {
  const name = expertFieldName(code);
  return name ? `${code} ${locale === 'en' ? name.nameEn : name.nameZh}` : code;
}

export const fieldOptions = (locale: Locale) => EXPERT_FIELD_CODES.map((c) => ({ value: c, label: fieldLabel(c, locale) }));

export const regionOptions = (locale: Locale) => EXPERT_REGION_CODES.map((c) => ({ value: c, label: prefectureName(c, locale) }));
