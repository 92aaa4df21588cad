import { EQUIPMENT_FIELDS_CATALOGUE } from '@firstset/domain';
import type { components } from '../../../shared/api/generated/schema';

type S = components['schemas'];
export type PanelRun = S['PanelRunViewV1'];
export type PanelApplication = S['PanelApplicationViewV1'];
export type PanelCase = S['PanelCaseViewV1'];
export type PanelCandidate = S['PanelCandidateViewV1'];

/** A field's name (M4.2, or new materials) in the UI's language; the code when unknown. */
export function fieldName(code: string | null | undefined, locale: string, t: (key: 'panels.field.NM' | 'panels.field.none') => string): string {
  if (!code) return t('panels.field.none');
  if (code === 'NM') return t('panels.field.NM');
  const entry = EQUIPMENT_FIELDS_CATALOGUE.entries.find((e) => e.code === code);
  return entry ? (locale === 'en' ? (entry.nameEn ?? entry.nameZh) : entry.nameZh) : code;
}
