import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { $api } from '../../shared/api/query';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useUrlPagination } from '../../shared/hooks/url-pagination';
import { useI18n } from '../../shared/i18n/i18n';
import { prefectureName } from '../../shared/ui/prefectures';
import { LoadState, queryState } from '../../shared/ui/states';
import { fieldLabel, fieldOptions } from '../../features/expert-pool/labels';
import type { FieldCode, PoolExpert } from '../../features/expert-pool/types';
import { ExpertDrawer } from './expert-drawer';
import { IssueAccountDialog } from './issue-account-dialog';
import { PoolImport } from './pool-import';

type Availability = 'available' | 'unavailable' | 'disqualified';

/** Where an expert stands today: disqualified (M11.2), unavailable (until a day), or available. */
function AvailabilityTag({ expert }: { expert: PoolExpert }) {
  const { t } = useI18n();
  if (!expert.qualified) return <Tag color="error">{t('pool.state.disqualified', { date: expert.disqualifiedOn ?? '' })}</Tag>;
  if (!expert.availableToday) return <Tag color="warning">{expert.unavailableUntil ? t('pool.state.awayUntil', { date: expert.unavailableUntil }) : t('pool.state.unavailable')}</Tag>;
  return <Tag color="success">{t('pool.state.available')}</Tag>;
}

/**
 * The institution's expert pool (M8.1): searched by name, employer or specialty and filtered by
 * M4.2 field and availability (all in the URL), paged on the server; each expert edited in a
 * drawer with their declared ties (M11.1), issued a sign-in account, or looked up for conflicts.
 * Experts are also imported from a spreadsheet.
 */
export function ExpertPoolPage() {
  const { t, locale } = useI18n();
  const [query, set] = useSearchState({ search: undefined as string | undefined, field: undefined as string | undefined, availability: undefined as string | undefined, page: 1, pageSize: 10 });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [issuing, setIssuing] = useState<PoolExpert | null>(null);
  const pool = $api.useQuery(
    'get',
    '/api/expert-pool/experts',
    { params: { query: { search: query.search, fieldCode: query.field as FieldCode | undefined, availability: query.availability as Availability | undefined, page: query.page, pageSize: query.pageSize } } },
    { placeholderData: keepPreviousData },
  );
  const pagination = useUrlPagination(query, pool.data?.total, (p) => set(p));
  return (
    <Flex vertical gap="large">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('pool.title')}</Typography.Title>
      <Card
        title={t('pool.list')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="pool-add">
            {t('pool.add')}
          </Button>
        }
      >
        <Flex vertical gap="middle">
          <Flex gap="small" wrap align="center">
            <Input.Search
              allowClear
              aria-label={t('pool.search')}
              placeholder={t('pool.search')}
              defaultValue={query.search}
              style={{ width: 260 }}
              onSearch={(v) => set({ search: v.trim() || undefined, page: 1 })}
            />
            <Select
              allowClear
              aria-label={t('pool.filter.field')}
              placeholder={t('pool.filter.field')}
              style={{ minWidth: 240 }}
              value={query.field}
              onChange={(v?: string) => set({ field: v, page: 1 })}
              options={fieldOptions(locale)}
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Select
              allowClear
              aria-label={t('pool.filter.availability')}
              placeholder={t('pool.filter.availability')}
              style={{ minWidth: 160 }}
              value={query.availability}
              onChange={(v?: string) => set({ availability: v, page: 1 })}
              options={(['available', 'unavailable', 'disqualified'] as const).map((a) => ({ value: a, label: t(`pool.availability.${a}`) }))}
            />
          </Flex>
          <LoadState {...queryState(pool)} empty={pool.data ? pool.data.total === 0 : undefined} emptyText={t('pool.empty')}>
            <Table<PoolExpert>
              rowKey="id"
              loading={pool.isFetching}
              dataSource={pool.data?.items}
              pagination={pagination}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('pool.name'), dataIndex: 'name' },
                { title: t('pool.identityTail'), render: (_, e) => (e.identityTail ? `****${e.identityTail}` : '—') },
                { title: t('pool.employer'), render: (_, e) => e.employerName || '—' },
                { title: t('pool.jobTitle'), render: (_, e) => e.title || '—' },
                { title: t('pool.fields'), render: (_, e) => (e.fieldCodes ?? []).map((c) => <Tag key={c} title={fieldLabel(c, locale)}>{c}</Tag>) },
                { title: t('pool.specialty'), dataIndex: 'field' },
                { title: t('pool.region'), render: (_, e) => (e.regionCode ? prefectureName(e.regionCode, locale) : t('pool.region.outside')) },
                { title: t('pool.availability'), render: (_, e) => <AvailabilityTag expert={e} /> },
                { title: t('pool.account'), render: (_, e) => e.accountUsername ?? '—' },
                {
                  title: t('pool.actions'),
                  render: (_, e) => (
                    <Space wrap>
                      <Button size="small" onClick={() => setEditing(e.id)} aria-label={t('pool.edit.label', { name: e.name })}>
                        {t('pool.edit')}
                      </Button>
                      {!e.accountUsername && (
                        <Button size="small" onClick={() => setIssuing(e)} aria-label={t('pool.account.label', { name: e.name })}>
                          {t('pool.account.issue')}
                        </Button>
                      )}
                      <Link to={`/institution/conflicts?expert=${e.id}`}>{t('pool.conflicts.link')}</Link>
                    </Space>
                  ),
                },
              ]}
            />
          </LoadState>
        </Flex>
      </Card>
      <PoolImport />
      {editing && <ExpertDrawer expertId={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {issuing && <IssueAccountDialog expert={issuing} onClose={() => setIssuing(null)} />}
    </Flex>
  );
}
