import { $api } from '../../shared/api/query';
import type { PolicyProfile } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';

/** The registered policy profiles (M15); fetched once, they change only with a release. */
export function usePolicyProfiles() {
  return $api.useQuery('get', '/api/policy-profiles', {}, { staleTime: Infinity });
}

/** The profile a batch or application is judged by, in the reader's language. */
export function PolicyProfileName({ id, version, profiles }: { id: string; version: string; profiles: PolicyProfile[] | undefined }) {
  const { t, locale } = useI18n();
  if (!profiles) return <span data-testid="policy-profile" />;
  const p = profiles.find((x) => x.id === id && x.version === version);
  if (!p) return <span data-testid="policy-profile">{t('policy.profile.unknown', { id, version })}</span>;
  return <span data-testid="policy-profile">{t('policy.profile.label', { name: locale === 'en' ? p.nameEn : p.nameZh, version })}</span>;
}
