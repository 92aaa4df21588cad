import { Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { $api } from '../../shared/api/query';
import type { PublicRecognition } from '../../shared/api/views';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { pageSizeOf, useUrlPagination } from '../../shared/hooks/url-pagination';
import { useI18n } from '../../shared/i18n/i18n';
import { PREFECTURES, prefectureName } from '../../shared/ui/prefectures';
import { PRODUCT_KINDS } from '../../shared/ui/product-kinds';
import { LoadState, queryState } from '../../shared/ui/states';
import { fieldLabel, fieldOptions } from '../expert-pool/labels';
import { RECOGNITION_STATUSES, REGISTRY_DEFAULTS, registryQuery, registryYears } from './registry-query';
import { RecognitionStatus } from './status-tag';

/**
 * The registry of recognized products (M13.1), searched, filtered and paged on the server, the
 * filters in the URL. Expired and revoked entries stay with their status. `actions` adds a column
 * (the Department's amend and record). The public registry is its own, without antd
 * (workspaces/public/registry.tsx, ADR 0032).
 */
export function RegistryTable({ actions }: { actions?: (r: PublicRecognition) => ReactNode }) {
  const { t, tk, locale } = useI18n();
  const [search, setSearch] = useSearchState(REGISTRY_DEFAULTS);
  const query = registryQuery(search);
  const r = $api.useQuery('get', '/api/public/recognitions', { params: { query } }, { placeholderData: keepPreviousData });
  const pagination = useUrlPagination({ page: query.page, pageSize: pageSizeOf(query.pageSize) }, r.data?.total, setSearch);
  const filter = (patch: Partial<typeof REGISTRY_DEFAULTS>) => setSearch({ ...patch, page: 1 });
  const columns: ColumnsType<PublicRecognition> = [
    { title: t('public.registry.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('public.registry.product'), render: (_, x) => x.product.name },
    { title: t('public.registry.model'), render: (_, x) => x.product.model },
    { title: t('public.registry.kind'), render: (_, x) => tk('productKind', x.product.kind), responsive: ['md'] },
    { title: t('public.registry.field'), render: (_, x) => (x.fieldCode ? fieldLabel(x.fieldCode, locale) : '—'), responsive: ['lg'] },
    { title: t('public.registry.prefecture'), render: (_, x) => (x.prefectureId ? prefectureName(x.prefectureId, locale) : '—'), responsive: ['md'] },
    { title: t('public.registry.documentNo'), render: (_, x) => `${x.documentNo}（${x.documentDate}）`, responsive: ['lg'] },
    { title: t('public.registry.certificateNo'), render: (_, x) => x.certificateNo ?? '—', responsive: ['xl'] },
    { title: t('public.registry.validUntil'), dataIndex: 'validUntil', responsive: ['sm'] },
    { title: t('public.registry.status'), render: (_, x) => <RecognitionStatus r={x} /> },
    ...(actions ? [{ title: t('registry.actions'), render: (_: unknown, x: PublicRecognition) => actions(x) }] : []),
  ];
  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph type="secondary">{t('public.registry.note')}</Typography.Paragraph>
      <Flex wrap gap="small">
        <Input.Search
          key={search.q ?? ''}
          aria-label={t('public.registry.search')}
          placeholder={t('public.registry.search')}
          defaultValue={search.q}
          allowClear
          style={{ maxWidth: 360 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
        />
        <Select aria-label={t('public.registry.kind')} allowClear placeholder={t('public.registry.kind.all')} style={{ minWidth: 180 }} value={query.productKind} onChange={(kind?: string) => filter({ kind })} options={PRODUCT_KINDS.map((k) => ({ value: k, label: tk('productKind', k) }))} />
        <Select aria-label={t('public.registry.field')} allowClear showSearch optionFilterProp="label" placeholder={t('public.registry.field.all')} style={{ minWidth: 200 }} value={query.fieldCode} onChange={(field?: string) => filter({ field })} options={fieldOptions(locale)} />
        <Select aria-label={t('public.registry.prefecture')} allowClear placeholder={t('public.registry.prefecture.all')} style={{ minWidth: 150 }} value={query.prefectureId} onChange={(prefecture?: string) => filter({ prefecture })} options={PREFECTURES.map((p) => ({ value: p.id, label: prefectureName(p.id, locale) }))} />
        <Select aria-label={t('public.registry.year')} allowClear placeholder={t('public.registry.year.all')} style={{ minWidth: 120 }} value={query.year} onChange={(year?: number) => filter({ year: year ? String(year) : undefined })} options={registryYears(new Date().getFullYear()).map((y) => ({ value: y, label: String(y) }))} />
        <Select aria-label={t('public.registry.status')} allowClear placeholder={t('public.registry.status.all')} style={{ minWidth: 130 }} value={query.status} onChange={(status?: string) => filter({ status })} options={RECOGNITION_STATUSES.map((s) => ({ value: s, label: tk('registry.status', s) }))} />
      </Flex>
      <LoadState {...queryState(r)}>
        <Table<PublicRecognition>
          rowKey="id"
          dataSource={r.data?.items}
          loading={r.isFetching}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t(r.data?.total === 0 && !query.search && !query.status ? 'public.registry.empty' : 'public.registry.noMatch') }}
          columns={columns}
        />
      </LoadState>
    </Flex>
  );
}
