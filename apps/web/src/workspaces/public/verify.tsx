import { FormEvent } from 'react';
import { $api } from '../../shared/api/query';
import type { RecognitionVerification } from '../../shared/api/views';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { prefectureName } from '../../shared/ui/prefectures';
import { problemOf, queryState } from '../../shared/ui/problem';
import { RecognitionStatus } from './status';
import { Alert, Card, Details, LoadState } from './ui';

type Entry = RecognitionVerification['recognitions'][number];

/** One product's live status, its particulars and its registry record (M13.1, M13.2). */
function VerifiedEntry({ r }: { r: Entry }) {
  const { t, tk, locale } = useI18n();
  return (
    <Card small heading="h2" title={`${r.enterpriseName} · ${r.product.name}`} extra={<RecognitionStatus r={r} />}>
      <div className="pub-stack">
        <Details
          items={[
            { label: t('public.registry.model'), value: `${r.product.series} / ${r.product.model}` },
            { label: t('public.registry.kind'), value: tk('productKind', r.product.kind) },
            { label: t('public.registry.certificateNo'), value: r.certificateNo ?? '—' },
            { label: t('public.registry.prefecture'), value: r.prefectureId ? prefectureName(r.prefectureId, locale) : '—' },
            { label: t('verify.validity'), value: t('verify.validity.range', { from: r.validFrom, until: r.validUntil }) },
          ]}
        />
        {r.revocationNotice && (
          <Alert tone="error" title={t('verify.revocationNotice')}>
            <p>{r.revocationNotice}</p>
          </Alert>
        )}
        <h3>{t('verify.history')}</h3>
        <ol className="pub-timeline">
          {r.history.map((e, i) => (
            <li key={i}>{`${e.occurredOn} ${tk('verify.event', e.kind)}`}</li>
          ))}
        </ol>
      </div>
    </Card>
  );
}

/**
 * The public verification page (M13.1, M13.2): a document or certificate number typed in or
 * arriving from a certificate's QR code (`/public/verify?no=…`) answers the live status. No sign-in.
 */
export function VerifyPage() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchState({ no: undefined as string | undefined });
  const no = search.no?.trim();
  const v = $api.useQuery('get', '/api/public/verify', { params: { query: { no: no ?? '' } } }, { enabled: Boolean(no), retry: false });
  const notFound = problemOf(v.error)?.status === 404;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('no') ?? '').trim();
    setSearch({ no: value || undefined });
  };
  return (
    <Card title={t('verify.title')}>
      <div className="pub-stack">
        <p>{t('verify.intro')}</p>
        <form role="search" className="pub-search" onSubmit={onSubmit} key={no ?? ''}>
          <input className="pub-input" name="no" type="search" aria-label={t('verify.input')} placeholder={t('verify.input')} defaultValue={no} />
          <button type="submit" className="pub-btn pub-btn-primary">{t('verify.submit')}</button>
        </form>
        <div role="status">
          {no && notFound && <Alert tone="warning" title={t('verify.notFound')} />}
        </div>
        {no && !notFound && (
          <LoadState {...queryState(v)}>
            {v.data && (
              <div className="pub-stack">
                <strong>
                  {v.data.matched === 'certificate' ? t('verify.matched.certificate', { no: v.data.no }) : t('verify.matched.document', { no: v.data.no, count: v.data.recognitions.length })}
                </strong>
                <Details
                  items={[
                    { label: t('verify.issuer'), value: locale === 'en' ? v.data.document.issuerEn : v.data.document.issuerZh },
                    { label: t('verify.document'), value: `${v.data.document.documentNo}（${v.data.document.documentDate}）` },
                  ]}
                />
                {v.data.recognitions.map((r) => <VerifiedEntry key={r.id} r={r} />)}
                <span className="pub-secondary">{t('verify.checkedOn', { date: v.data.checkedOn })}</span>
              </div>
            )}
          </LoadState>
        )}
      </div>
    </Card>
  );
}
