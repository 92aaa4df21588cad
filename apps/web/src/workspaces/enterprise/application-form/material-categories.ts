import { usePolicyProfiles } from '../../../features/policy-profiles/policy-profiles';
import { $api } from '../../../shared/api/query';
import type { ApplicationDraft } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';

/**
 * M4.3: the categories of the new-materials catalogue the application's batch profile names (the
 * Department's import of it when there is one), as options; an entry with sub-entries is a heading,
 * not a choice.
 */
export function useMaterialCategories(application: ApplicationDraft, material: boolean) {
  const { locale } = useI18n();
  const profiles = usePolicyProfiles();
  const ref = profiles.data?.find((p) => p.id === application.policyProfile.id && p.version === application.policyProfile.version)?.materialsCatalogue;
  const catalogue = $api.useQuery(
    'get',
    '/api/catalogues/{catalogueId}/{version}',
    { params: { path: { catalogueId: ref?.id ?? '', version: ref?.version ?? '' } } },
    { enabled: material && !!ref },
  );
  const entries = catalogue.data?.entries ?? [];
  const parents = new Set(entries.map((e) => e.parentCode).filter(Boolean));
  return entries.map((e) => ({
    value: e.code,
    label: `${e.code} ${locale === 'en' ? (e.nameEn ?? e.nameZh) : e.nameZh}`,
    disabled: parents.has(e.code),
  }));
}
