import { keepPreviousData } from '@tanstack/react-query';
import { FormEvent } from 'react';
import { Link } from 'react-router';
import { $api } from '../../shared/api/query';
import type { PublicRecognition } from '../../shared/api/views';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { nextPage, pageSizeOf } from '../../shared/hooks/url-pagination';
import { useI18n } from '../../shared/i18n/i18n';
import { PREFECTURES, prefectureName } from '../../shared/ui/prefectures';
import { PRODUCT_KINDS } from '../../shared/ui/product-kinds';
import { queryState } from '../../shared/ui/problem';
import { fieldLabel, fieldOptions } from '../../features/expert-pool/labels';
import { RECOGNITION_STATUSES, REGISTRY_DEFAULTS, registryQuery, registryYears, verifyNumberOf } from '../../features/registry/registry-query';
import { RecognitionStatus } from './status';
import { Column, DataTable, LoadState, Pager } from './ui';

/** A filter of the registry: a native select whose first choice is "all". */
function Filter({ label, all, value, options, onChange }: { label: string; all: string; value: string | number | undefined; options: Array<{ value: string | number; label: string }>; onChange: (v: string | undefined) => void }) {
  return (
    <select className="pub-input" aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}

/**
 * The public registry (M13.1), searched, filtered and paged on the server, the filters and the
 * page in the URL; each product links to its live verification (M13.2). Expired and revoked
 * entries stay with their status.
 */
export function Registry() {
  const { t, tk, locale } = useI18n();
  const [search, setSearch] = useSearchState(REGISTRY_DEFAULTS);
  const query = registryQuery(search);
  const pageSize = pageSizeOf(query.pageSize);
  const r = $api.useQuery('get', '/api/public/recognitions', { params: { query: { ...query, pageSize } } }, { placeholderData: keepPreviousData });
  const filter = (patch: Partial<typeof REGISTRY_DEFAULTS>) => setSearch({ ...patch, page: 1 });
  const onSearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    filter({ q: q || undefined });
  };
  const columns: Column<PublicRecognition>[] = [
    { title: t('public.registry.enterprise'), cell: (x) => x.enterpriseName },
    { title: t('public.registry.product'), cell: (x) => <Link to={`/public/verify?no=${encodeURIComponent(verifyNumberOf(x))}`}>{x.product.name}</Link> },
    { title: t('public.registry.model'), cell: (x) => x.product.model },
    { title: t('public.registry.kind'), cell: (x) => tk('productKind', x.product.kind), from: 'md' },
    { title: t('public.registry.field'), cell: (x) => (x.fieldCode ? fieldLabel(x.fieldCode, locale) : '—'), from: 'lg' },
    { title: t('public.registry.prefecture'), cell: (x) => (x.prefectureId ? prefectureName(x.prefectureId, locale) : '—'), from: 'md' },
    { title: t('public.registry.documentNo'), cell: (x) => `${x.documentNo}（${x.documentDate}）`, from: 'lg' },
    { title: t('public.registry.certificateNo'), cell: (x) => x.certificateNo ?? '—', from: 'xl' },
    { title: t('public.registry.validUntil'), cell: (x) => x.validUntil, from: 'sm' },
    { title: t('public.registry.status'), cell: (x) => <RecognitionStatus r={x} /> },
  ];
  return (
    <div className="pub-stack">
      <p className="pub-secondary">{t('public.registry.note')}</p>
      <div className="pub-row">
        <form role="search" className="pub-search" style={{ maxWidth: 360 }} onSubmit={onSearch} key={search.q ?? ''}>
          <input className="pub-input" type="search" name="q" aria-label={t('public.registry.search')} placeholder={t('public.registry.search')} defaultValue={search.q} />
          <button type="submit" className="pub-btn pub-btn-primary">{t('common.search')}</button>
        </form>
        <Filter label={t('public.registry.kind')} all={t('public.registry.kind.all')} value={query.productKind} onChange={(kind) => filter({ kind })} options={PRODUCT_KINDS.map((k) => ({ value: k, label: tk('productKind', k) }))} />
        <Filter label={t('public.registry.field')} all={t('public.registry.field.all')} value={query.fieldCode} onChange={(field) => filter({ field })} options={fieldOptions(locale)} />
        <Filter label={t('public.registry.prefecture')} all={t('public.registry.prefecture.all')} value={query.prefectureId} onChange={(prefecture) => filter({ prefecture })} options={PREFECTURES.map((p) => ({ value: p.id, label: prefectureName(p.id, locale) }))} />
        <Filter label={t('public.registry.year')} all={t('public.registry.year.all')} value={query.year} onChange={(year) => filter({ year })} options={registryYears(new Date().getFullYear()).map((y) => ({ value: y, label: String(y) }))} />
        <Filter label={t('public.registry.status')} all={t('public.registry.status.all')} value={query.status} onChange={(status) => filter({ status })} options={RECOGNITION_STATUSES.map((s) => ({ value: s, label: tk('registry.status', s) }))} />
      </div>
      <LoadState {...queryState(r)}>
        <DataTable
          caption={t('public.registry.title')}
          captionHidden
          rows={r.data?.items ?? []}
          rowKey={(x) => x.id}
          columns={columns}
          busy={r.isFetching}
          emptyText={t(r.data?.total === 0 && !query.search && !query.status ? 'public.registry.empty' : 'public.registry.noMatch')}
        />
        {(r.data?.total ?? 0) > 0 && (
          <Pager total={r.data?.total ?? 0} page={query.page} pageSize={pageSize} onChange={(page, size) => setSearch(nextPage({ page: query.page, pageSize }, page, size))} />
        )}
      </LoadState>
    </div>
  );
}
