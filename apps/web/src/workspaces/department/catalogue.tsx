import { Alert, Card, Descriptions, Flex, Table, Tag } from 'antd';
import { $api } from '../../shared/api/query';
import type { PolicyProfile, ScopeCatalogueView } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, problemOf } from '../../shared/ui/states';
import { usePolicyProfiles } from '../../features/policy-profiles/policy-profiles';
import { CatalogueImport } from './catalogue-import';
import { urlPagination } from '../../shared/hooks/url-pagination';

type Entry = ScopeCatalogueView['entries'][number];

/** The profile in force today: its new-materials catalogue is the one the form offers now (M4.3, M15). */
function profileInForce(profiles: PolicyProfile[] | undefined): PolicyProfile | undefined {
  const today = formatBeijing(new Date(), 'date');
  return profiles?.filter((p) => p.effectiveFrom <= today).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** M4.3: the new-materials catalogue the applications pick from, and the Department's import of a version. */
export function CataloguePage() {
  const { t, locale } = useI18n();
  const { actor } = useSession();
  const profiles = usePolicyProfiles();
  const ref = profileInForce(profiles.data)?.materialsCatalogue;
  const catalogue = $api.useQuery(
    'get',
    '/api/catalogues/{catalogueId}/{version}',
    { params: { path: { catalogueId: ref?.id ?? '', version: ref?.version ?? '' } } },
    { enabled: ref !== undefined },
  );
  const [paging, setPaging] = useSearchState({ page: 1, pageSize: 50 });
  const c = catalogue.data;
  const entryColumns = [
    { title: t('catalogue.code'), dataIndex: 'code', width: 120 },
    { title: t('catalogue.name'), render: (_: unknown, e: Entry) => (locale === 'en' ? (e.nameEn ?? e.nameZh) : e.nameZh) },
    { title: t('catalogue.parent'), dataIndex: 'parentCode', width: 120 },
  ];
  // Waiting for the profiles first, then the catalogue they name.
  const state = {
    loading: profiles.isPending || (ref !== undefined && catalogue.isPending),
    error: problemOf(profiles.error) ?? problemOf(catalogue.error),
    onRetry: () => void (profiles.error ? profiles.refetch() : catalogue.refetch()),
  };
  return (
    <Flex vertical gap="large">
      <Card title={t('catalogue.title')}>
        <LoadState {...state} empty={!c}>
          {c && (
            <Flex vertical gap="small">
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('catalogue.import.version')}>
                  <span data-testid="catalogue-current">{t('catalogue.current', { title: locale === 'en' ? c.titleEn : c.titleZh, version: c.version })}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('catalogue.source')}>{(c.source.split(' / ')[locale === 'en' ? 1 : 0] ?? c.source) || c.source}</Descriptions.Item>
              </Descriptions>
              {!c.verified && <Alert type="warning" showIcon data-testid="catalogue-unverified" title={t('catalogue.unverified')} />}
              {c.imported && c.importedAt && (
                <div>
                  <Tag color="processing">{t('catalogue.imported', { at: formatBeijing(c.importedAt) })}</Tag>
                </div>
              )}
              <Table<Entry> rowKey="code" size="small" dataSource={c.entries} pagination={urlPagination(paging, setPaging)} columns={entryColumns} />
            </Flex>
          )}
        </LoadState>
      </Card>
      {actor?.role === 'department_officer' && ref && <CatalogueImport catalogue={ref} columns={entryColumns} />}
    </Flex>
  );
}
