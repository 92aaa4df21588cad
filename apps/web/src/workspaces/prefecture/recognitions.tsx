import { App, Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { $api } from '../../shared/api/query';
import type { components } from '../../shared/api/generated/schema';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { pageSizeOf, useUrlPagination } from '../../shared/hooks/url-pagination';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { showProblem } from '../../shared/ui/problem-form';
import { PRODUCT_KINDS } from '../../shared/ui/product-kinds';
import { fileNameOf, saveBlob } from '../../shared/ui/save-file';
import { LoadState, queryState } from '../../shared/ui/states';
import { fieldLabel, fieldOptions } from '../../features/expert-pool/labels';
import { RECOGNITION_STATUSES, REGISTRY_DEFAULTS, registryQuery, registryYears } from '../../features/registry/registry-query';
import { RecognitionStatus } from '../../features/registry/status-tag';

type Row = components['schemas']['PrefectureRecognitionViewV1'];
type Notice = components['schemas']['PrefectureExpiryNoticeV1'];

/** The prefecture's own filters: the registry's, without the prefecture (it is the officer's). */
const DEFAULTS = { ...REGISTRY_DEFAULTS, prefecture: undefined };
const queryOf = (s: typeof DEFAULTS) => {
  const { prefectureId: _, ...query } = registryQuery(s);
  return query;
};

/**
 * The recognized products of the officer's prefecture (M14: brought into its support policies),
 * with status and validity (M13.2), filtered and paged in the URL and exported as XLSX with the
 * same filters; above them, the expiry notices sent 90 and 30 days before a recognition's last
 * valid day (the prefecture's copy of what the enterprise gets in its inbox).
 */
export function PrefectureRecognitionsPage() {
  const { t } = useI18n();
  return (
    <Flex vertical gap="middle">
      <ExpiryNotices />
      <Card title={t('prefectureRegistry.title')}>
        <Typography.Paragraph>{t('prefectureRegistry.intro')}</Typography.Paragraph>
        <RecognitionsTable />
      </Card>
    </Flex>
  );
}

function ExpiryNotices() {
  const { t } = useI18n();
  const r = $api.useQuery('get', '/api/prefecture/expiry-notices');
  const columns: ColumnsType<Notice> = [
    { title: t('prefectureRegistry.notice.when'), render: (_, n) => formatBeijing(n.sentAt, 'date') },
    { title: t('public.registry.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('public.registry.product'), dataIndex: 'productName' },
    { title: t('public.registry.certificateNo'), render: (_, n) => n.certificateNo ?? '—', responsive: ['md'] },
    { title: t('public.registry.validUntil'), dataIndex: 'validUntil' },
    { title: t('prefectureRegistry.notice.kind'), render: (_, n) => <Tag color={n.daysBefore <= 30 ? 'warning' : 'processing'}>{t('prefectureRegistry.notice.days', { days: n.daysBefore })}</Tag> },
  ];
  return (
    <Card title={t('prefectureRegistry.notices.title')}>
      <Typography.Paragraph type="secondary">{t('prefectureRegistry.notices.intro')}</Typography.Paragraph>
      <LoadState {...queryState(r)}>
        <Table<Notice>
          rowKey={(n) => `${n.recognitionId}-${n.daysBefore}`}
          size="small"
          dataSource={r.data}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          locale={{ emptyText: t('prefectureRegistry.notices.empty') }}
          columns={columns}
        />
      </LoadState>
    </Card>
  );
}

function RecognitionsTable() {
  const { t, tk, locale, title } = useI18n();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchState(DEFAULTS);
  const query = queryOf(search);
  const r = $api.useQuery('get', '/api/prefecture/recognitions', { params: { query } }, { placeholderData: keepPreviousData });
  const pagination = useUrlPagination({ page: query.page, pageSize: pageSizeOf(query.pageSize) }, r.data?.total, setSearch);
  const filter = (patch: Partial<typeof DEFAULTS>) => setSearch({ ...patch, page: 1 });
  const [exporting, setExporting] = useState(false);
  const download = async () => {
    setExporting(true);
    try {
      const { page: _p, pageSize: _s, ...filters } = query;
      const request = api.GET('/api/prefecture/recognitions.xlsx', { params: { query: filters }, parseAs: 'blob' });
      const blob = await unwrap<Blob>(request);
      saveBlob(blob, fileNameOf((await request).response) ?? 'recognitions.xlsx');
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setExporting(false);
    }
  };
  const columns: ColumnsType<Row> = [
    { title: t('public.registry.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('public.registry.product'), render: (_, x) => x.product.name },
    { title: t('public.registry.model'), render: (_, x) => x.product.model, responsive: ['xxl'] },
    { title: t('public.registry.kind'), render: (_, x) => tk('productKind', x.product.kind), responsive: ['md'] },
    { title: t('public.registry.field'), render: (_, x) => (x.fieldCode ? fieldLabel(x.fieldCode, locale) : '—'), responsive: ['xl'] },
    { title: t('public.registry.year'), dataIndex: 'year', responsive: ['lg'] },
    { title: t('public.registry.certificateNo'), render: (_, x) => x.certificateNo ?? '—', responsive: ['md'] },
    { title: t('prefectureRegistry.validity'), render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{`${x.validFrom} ~ ${x.validUntil}`}</span> },
    { title: t('public.registry.status'), render: (_, x) => <RecognitionStatus r={x} /> },
    {
      title: t('prefectureRegistry.notice.kind'),
      render: (_, x) => (x.expiryNotices.length ? x.expiryNotices.map((d) => t('prefectureRegistry.notice.days', { days: d })).join('、') : '—'),
      responsive: ['xxl'],
    },
  ];
  return (
    <Flex vertical gap="middle">
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
        <Select aria-label={t('public.registry.year')} allowClear placeholder={t('public.registry.year.all')} style={{ minWidth: 120 }} value={query.year} onChange={(year?: number) => filter({ year: year ? String(year) : undefined })} options={registryYears(new Date().getFullYear()).map((y) => ({ value: y, label: String(y) }))} />
        <Select aria-label={t('public.registry.status')} allowClear placeholder={t('public.registry.status.all')} style={{ minWidth: 130 }} value={query.status} onChange={(status?: string) => filter({ status })} options={RECOGNITION_STATUSES.map((s) => ({ value: s, label: tk('registry.status', s) }))} />
        <Button loading={exporting} onClick={() => void download()}>
          {t('prefectureRegistry.export')}
        </Button>
      </Flex>
      <LoadState {...queryState(r)}>
        <Table<Row>
          rowKey="id"
          dataSource={r.data?.items}
          loading={r.isFetching}
          pagination={pagination}
          locale={{ emptyText: t(r.data?.total === 0 && !query.search && !query.status ? 'prefectureRegistry.empty' : 'public.registry.noMatch') }}
          columns={columns}
        />
      </LoadState>
    </Flex>
  );
}
