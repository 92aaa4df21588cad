import { DEFAULT_RECOMMENDING_BODIES, ERENHOT, MANZHOULI } from '@firstset/domain';
import type { Locale } from '../i18n/translate';

/** The recommending bodies an officer can work for: the 12 leagues and cities, and the county-level cities. */
export const PREFECTURES = [...DEFAULT_RECOMMENDING_BODIES, MANZHOULI, ERENHOT];

/** A prefecture's name in the user's language (包头市 / Baotou); an unknown code is shown as it is. */
export function prefectureName(id: string, locale: Locale): string {
  const body = PREFECTURES.find((p) => p.id === id);
  return body ? (locale === 'en' ? body.nameEn : body.nameZh) : id;
}
