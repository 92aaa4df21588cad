import { $api } from '../../shared/api/query';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { queryState } from '../../shared/ui/problem';
import { measureLabel, type PublicSanction } from '../../features/compliance/types';
import { Column, DataTable, LoadState, Pager } from './ui';

const PAGE_SIZE = 10;

/** The public list of sanctions in force (ADR 0026): who, which measure, on what grounds, over which days. Paged here, the page in the URL. */
export function PublicSanctions() {
  const { t, locale } = useI18n();
  const list = $api.useQuery('get', '/api/public/sanctions');
  const [search, setSearch] = useSearchState({ page: 1 });
  const all = list.data ?? [];
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(search.page) || 1), pages);
  const columns: Column<PublicSanction>[] = [
    { title: t('compliance.subject'), cell: (s) => (s.subjectUscc ? `${s.subjectName}（${s.subjectUscc}）` : s.subjectName) },
    { title: t('compliance.measure'), cell: (s) => measureLabel(locale, s.measure) },
    { title: t('compliance.grounds'), cell: (s) => s.grounds.join('、') },
    { title: t('compliance.decisionDate'), cell: (s) => s.decisionDate },
    { title: t('sanctions.period'), cell: (s) => `${s.from} — ${s.until ?? t('sanctions.until.none')}` },
  ];
  return (
    <div className="pub-stack">
      <p className="pub-secondary">{t('public.sanctions.intro')}</p>
      <LoadState {...queryState(list)} empty={list.data ? all.length === 0 : undefined} emptyText={t('public.sanctions.empty')}>
        <DataTable
          small
          caption={t('public.sanctions.title')}
          captionHidden
          data-testid="public-sanctions"
          rows={all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
          rowKey={(s) => `${s.measure}-${s.subjectName}-${s.decisionDate}`}
          columns={columns}
        />
        {pages > 1 && <Pager total={all.length} page={page} pageSize={PAGE_SIZE} sizes={[PAGE_SIZE]} onChange={(p) => setSearch({ page: p })} />}
      </LoadState>
    </div>
  );
}
