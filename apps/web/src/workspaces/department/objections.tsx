import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { useSession } from '../../shared/auth/session';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { urlPagination } from '../../shared/hooks/url-pagination';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { inLocale, OBJECTION_STATUSES, STATUS_COLOR, type ObjectionSummary } from '../../features/objections/types';
import { ObjectionDrawer } from './objection-drawer';
import { isUuid } from '../../shared/ui/ids';


/**
 * Objections to publicized lists, handled as cases (M9.2, M9.3; ADR 0025). The filters, the page
 * and the open case are in the URL (`?status=…&list=…&case=…`); the auditor reads, never acts.
 */
export function ObjectionsPage() {
  const { t, tk, locale } = useI18n();
  const { actor } = useSession();
  const [search, setSearch] = useSearchState({ status: '', list: '', case: '', page: 1, pageSize: 20 });
  const query = { ...(search.status ? { status: search.status as (typeof OBJECTION_STATUSES)[number] } : {}), ...(isUuid(search.list) ? { decisionListId: search.list } : {}) };
  const objections = $api.useQuery('get', '/api/objections', { params: { query } });
  return (
    <Card title={t('objections.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('objections.intro')}</Typography.Paragraph>
        <Flex gap="small" wrap>
          <Select
            aria-label={t('objections.filter.status')}
            style={{ minWidth: 180 }}
            value={search.status}
            onChange={(status) => setSearch({ status, page: 1 })}
            options={[{ value: '', label: t('objections.filter.all') }, ...OBJECTION_STATUSES.map((s) => ({ value: s, label: tk('objections.status', s) }))]}
          />
          <Input.Search aria-label={t('objections.filter.list')} placeholder={t('objections.filter.list')} allowClear defaultValue={search.list} style={{ maxWidth: 360 }} onSearch={(list) => setSearch({ list: list.trim(), page: 1 })} />
        </Flex>
        <LoadState {...queryState(objections)} empty={objections.data ? objections.data.length === 0 : undefined} emptyText={t('objections.empty')}>
          <Table<ObjectionSummary>
            rowKey="id"
            size="small"
            data-testid="objections"
            dataSource={objections.data}
            scroll={{ x: true }}
            pagination={urlPagination(search, setSearch, { hideOnSinglePage: true })}
            columns={[
              { title: t('objections.receiptNo'), dataIndex: 'receiptNo' },
              { title: t('objections.application'), dataIndex: 'applicationNo' },
              { title: t('objections.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('objections.product'), dataIndex: 'productName' },
              { title: t('objections.objector'), dataIndex: 'objectorName' },
              { title: t('objections.status'), render: (_, o) => <Tag color={STATUS_COLOR[o.status]}>{inLocale(locale, o.statusLabel)}</Tag> },
              { title: t('objections.entryState'), render: (_, o) => inLocale(locale, o.entryStateLabel) },
              { title: t('objections.openInquiries'), dataIndex: 'openInquiries' },
              { title: t('objections.lodgedAt'), render: (_, o) => formatBeijing(o.lodgedAt) },
              {
                title: t('common.actions'),
                render: (_, o) => (
                  <Button size="small" onClick={() => setSearch({ case: o.id })} aria-label={`${t('objections.open')} ${o.receiptNo}`}>
                    {actor?.role === 'auditor' ? t('common.view') : t('objections.open')}
                  </Button>
                ),
              },
            ]}
          />
        </LoadState>
        {isUuid(search.case) && <ObjectionDrawer id={search.case} readOnly={actor?.role !== 'department_officer'} onClose={() => setSearch({ case: '' })} />}
      </Flex>
    </Card>
  );
}
