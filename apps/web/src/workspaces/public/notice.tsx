import { Link, useParams } from 'react-router';
import { $api } from '../../shared/api/query';
import type { PublicNotice } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { prefectureName } from '../../shared/ui/prefectures';
import { queryState } from '../../shared/ui/problem';
import { NoticeHash } from './notice-hash';
import { NoticeDocuments } from './notices';
import { Alert, Card, Column, DataTable, Details, LoadState } from './ui';

type Entry = PublicNotice['entries'][number];

/** The frozen entries exactly as decided; during the publicity each row links to the objection form. */
function Entries({ notice }: { notice: PublicNotice }) {
  const { t, tk, locale } = useI18n();
  const columns: Column<Entry>[] = [
    { title: t('notice.seq'), cell: (e) => e.seq },
    { title: t('decide.enterprise'), cell: (e) => <>{e.enterpriseName}<br /><span className="pub-secondary">{e.uscc}</span></> },
    { title: t('decide.product'), cell: (e) => <>{e.productName}<br /><span className="pub-secondary">{tk('productKind', e.productKind)}</span></> },
    { title: t('notice.model'), cell: (e) => `${e.series} / ${e.model}` },
    { title: t('notice.prefecture'), cell: (e) => prefectureName(e.prefectureId, locale) },
    { title: t('decide.applicationNo'), cell: (e) => e.applicationNo },
    ...(notice.objectionsOpen ? [{ title: t('notice.object'), cell: (e: Entry) => <Link to={`/public/objections/new?entry=${e.id}`}>{t('notice.object')}</Link> }] : []),
  ];
  return <DataTable small caption={t('notice.entries')} rows={notice.entries} rowKey={(e) => e.id} columns={columns} />;
}

/**
 * A public notice (M9.2), no sign-in: the list as frozen at the decision, its hash checked in the
 * browser, the dates and the working-day rule in words, the calendar used, the contact and how to object.
 */
export function NoticePage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const notice = $api.useQuery('get', '/api/public/notices/{id}', { params: { path: { id } } }, { retry: false });
  const n = notice.data;
  return (
    <Card title={n ? t('notices.item', { year: n.title }) : t('notices.title')} extra={<Link to="/public/notices">{t('notice.back')}</Link>}>
      <LoadState {...queryState(notice)}>
        {n && (
          <div className="pub-stack">
            <Details
              items={[
                { label: t('notice.publicationDate'), value: n.publicationDate },
                { label: t('notice.period'), value: `${n.startDate} — ${n.endDate}（${t('notice.workingDays', { count: n.workingDays })}）` },
                { label: t('notice.rule'), value: locale === 'en' ? n.countingRule.en : n.countingRule.zh, wide: true },
                { label: t('notice.calendarUsed'), value: n.calendarUsed.map((c) => `${c.year}：${c.source}`).join('；'), wide: true },
                {
                  label: t('notice.contact'),
                  value: [locale === 'en' ? n.contact.unitEn : n.contact.unitZh, n.contact.phone, n.contact.email, n.contact.addressZh].filter(Boolean).join(' · '),
                  wide: true,
                },
              ]}
            />
            {n.documents.length > 0 && <NoticeDocuments documents={n.documents} />}
            <Alert tone={n.objectionsOpen ? 'warning' : 'info'} title={t('notice.object')}>
              <p>
                {n.objectionsOpen
                  ? t('notice.howToObject', { start: n.startDate, end: n.endDate, unit: (locale === 'en' ? n.contact.unitEn : n.contact.unitZh) ?? '', phone: n.contact.phone ?? '', email: n.contact.email ?? '' })
                  : t('notice.objectionsClosed')}
              </p>
            </Alert>
            <Entries notice={n} />
            <NoticeHash notice={n} />
            <div><Link className="pub-btn" to="/public">{t('app.publicArea')}</Link></div>
          </div>
        )}
      </LoadState>
    </Card>
  );
}
