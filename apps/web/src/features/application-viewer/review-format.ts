import { EQUIPMENT_FIELDS_CATALOGUE, NEW_MATERIALS_CATALOGUE_2024 } from '@firstset/domain';
import type { ChecklistItem, MaterialFile } from '../../shared/api/views';
import type { Locale } from '../../shared/i18n/translate';

/** States in which the prefecture still reviews and decides the case. */
export const REVIEWABLE = new Set(['SUBMITTED', 'RESUBMITTED']);

/** The Measures IDs a decision most often cites; the officer may type others. */
export const COMMON_MEASURES = ['M3.2', 'M4.2', 'M5.1', 'M5.5', 'M6.5', 'M7.3', 'M7.4', 'M12.1'];
export const MEASURES_ID = /^M\d{1,2}(\.\d{1,2})?$/;

/** The M4.2 equipment fields, in the order of Article 4. */
export const EQUIPMENT_FIELDS = EQUIPMENT_FIELDS_CATALOGUE.entries.map((e) => ({ code: e.code, nameZh: e.nameZh, nameEn: e.nameEn ?? e.nameZh }));

/** The M4.3 new-materials categories as shipped (an imported version names them the same way). */
const MATERIAL_CATEGORIES = NEW_MATERIALS_CATALOGUE_2024.entries.map((e) => ({ code: e.code, nameZh: e.nameZh, nameEn: e.nameEn ?? e.nameZh }));

/** The field's or new-materials category's name in the user's language; an unknown code as it is. */
export function fieldName(code: string | null | undefined, locale: Locale): string | null {
  if (!code) return null;
  const f = EQUIPMENT_FIELDS.find((e) => e.code === code) ?? MATERIAL_CATEGORIES.find((e) => e.code === code);
  return f ? (locale === 'zh-CN' ? f.nameZh : f.nameEn) : code;
}

export const itemName = (i: Pick<ChecklistItem, 'nameZh' | 'nameEn'>, locale: Locale) => (locale === 'zh-CN' ? i.nameZh : i.nameEn);

/** Files the viewer shows in the browser; others download. */
export function viewable(file: Pick<MaterialFile, 'mediaType' | 'fileName'>): 'pdf' | 'image' | null {
  const type = file.mediaType.toLowerCase();
  const ext = file.fileName.split('.').pop()?.toLowerCase() ?? '';
  if (type === 'pdf' || type === 'application/pdf' || (!type && ext === 'pdf')) return 'pdf';
  if (['jpg', 'jpeg', 'png', 'image/jpeg', 'image/png'].includes(type)) return 'image';
  return null;
}

/** The size in the dictionary's units (no Latin abbreviations in the zh-CN UI). */
export function fileSize(bytes: number, t: (key: 'review.file.bytes' | 'review.file.kb' | 'review.file.mb', vars: { n: string | number }) => string): string {
  if (bytes < 1024) return t('review.file.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('review.file.kb', { n: (bytes / 1024).toFixed(1) });
  return t('review.file.mb', { n: (bytes / 1024 / 1024).toFixed(1) });
}
