import { Card, Flex } from 'antd';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { SiteVisitCard } from '../../features/site-visits/visit-card';

/**
 * The on-site verifications of the expert's case (M8.2), read-only: when and where, who goes,
 * the findings with their evidence and the conclusion. Shown only when there is one.
 */
export function ExpertSiteVisits({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const q = $api.useQuery('get', '/api/reviews/{id}/site-visits', { params: { path: { id: applicationId } } });
  if (q.data?.length === 0) return null;
  return (
    <Card title={t('siteVisit.title')} data-testid="site-visits">
      <LoadState {...queryState(q)} empty={false}>
        <Flex vertical gap="middle">
          {(q.data ?? []).map((v) => <SiteVisitCard key={v.id} visit={v} />)}
        </Flex>
      </LoadState>
    </Card>
  );
}
