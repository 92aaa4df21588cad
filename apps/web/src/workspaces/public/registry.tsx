import { Flex, Input, Select, Table } from 'antd';
import { $api } from '../../shared/api/query';
import type { PublicRecognition } from '../../shared/api/views';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { pageSizeOf, useUrlPagination } from '../../shared/hooks/url-pagination';
import { PRODUCT_KINDS } from '../../shared/ui/product-kinds';
import { filterRecognitions, REGISTRY_DEFAULTS } from './registry-filter';

/** The recognized products (the public registry), searchable by words and kind. */
export function Registry() {
  const { t, tk } = useI18n();
  const [search, setSearch] = useSearchState(REGISTRY_DEFAULTS);
  const r = $api.useQuery('get', '/api/public/recognitions');
  const rows = filterRecognitions(r.data ?? [], search);
  const pagination = useUrlPagination({ page: search.page, pageSize: pageSizeOf(search.pageSize) }, rows.length, setSearch);
  return (
    <LoadState {...queryState(r)} empty={!r.data?.length} emptyText={t('public.registry.empty')}>
      <Flex vertical gap="middle">
        <Flex wrap gap="small">
          <Input.Search
            key={search.q ?? ''}
            aria-label={t('public.registry.search')}
            placeholder={t('public.registry.search')}
            defaultValue={search.q}
            allowClear
            style={{ maxWidth: 360 }}
            onSearch={(q) => setSearch({ q: q.trim() || undefined, page: 1 })}
          />
          <Select
            aria-label={t('public.registry.kind')}
            allowClear
            placeholder={t('public.registry.kind.all')}
            style={{ minWidth: 200 }}
            value={search.kind}
            onChange={(kind?: string) => setSearch({ kind, page: 1 })}
            options={PRODUCT_KINDS.map((k) => ({ value: k, label: tk('productKind', k) }))}
          />
        </Flex>
        <Table<PublicRecognition>
          rowKey={(x) => `${x.documentNo}-${x.product.model}`}
          dataSource={rows}
          pagination={pagination}
          locale={{ emptyText: t('public.registry.noMatch') }}
          columns={[
            { title: t('public.registry.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('public.registry.product'), render: (_, x) => x.product.name },
            { title: t('public.registry.model'), render: (_, x) => x.product.model },
            { title: t('public.registry.kind'), render: (_, x) => tk('productKind', x.product.kind) },
            { title: t('public.registry.validFrom'), dataIndex: 'validFrom' },
            { title: t('public.registry.validUntil'), dataIndex: 'validUntil' },
          ]}
        />
      </Flex>
    </LoadState>
  );
}
