import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../shared/api/client';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { problemOf, queryState } from '../../shared/ui/problem';
import { fileNameOf, saveBlob } from '../../shared/ui/save-file';
import { Alert, Card, LoadState, Tag } from './ui';

/** The recognition documents issued from a notice's list (M9.3): public, each with its PDF. */
export function NoticeDocuments({ documents }: { documents: Array<{ id: string; documentNo: string; documentDate: string }> }) {
  const { t, title } = useI18n();
  const [downloading, setDownloading] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const download = async (id: string) => {
    setDownloading(id);
    setFailed(null);
    try {
      const request = api.GET('/api/public/recognition-documents/{id}/document.pdf', { params: { path: { id } }, parseAs: 'blob' });
      const blob = await unwrap<Blob>(request as Parameters<typeof unwrap<Blob>>[0]);
      saveBlob(blob, fileNameOf((await request).response) ?? `${id}.pdf`);
    } catch (err) {
      setFailed(title(problemOf(err)?.title ?? t('common.networkError')));
    } finally {
      setDownloading(null);
    }
  };
  return (
    <div data-testid="notice-documents">
      <div className="pub-row">
        <span>{t('notices.documents')}</span>
        {documents.map((d) => (
          <button key={d.id} type="button" className="pub-btn pub-btn-link" aria-busy={downloading === d.id || undefined} disabled={downloading === d.id} onClick={() => void download(d.id)}>
            {`${d.documentNo}（${d.documentDate}）`}
          </button>
        ))}
      </div>
      {failed && <Alert tone="error" live="alert" title={failed} />}
    </div>
  );
}

/** The current and past public notices of decided lists (M9.2): anyone reads them, on a phone too. */
export function Notices() {
  const { t } = useI18n();
  const notices = $api.useQuery('get', '/api/public/notices');
  const list = notices.data ?? [];
  return (
    <LoadState {...queryState(notices)} empty={notices.data ? list.length === 0 : undefined} emptyText={t('notices.empty')}>
      <ul className="pub-list">
        {list.map((n) => (
          <li key={n.id} className="pub-stack" style={{ gap: 4 }}>
            <Link to={`/public/notices/${n.id}`}>{t('notices.item', { year: n.title })}</Link>
            <div className="pub-row">
              <Tag tone={n.status === 'open' ? 'processing' : 'default'}>{t(n.status === 'open' ? 'notices.status.open' : 'notices.status.closed')}</Tag>
              <span className="pub-secondary">{t('notices.period', { start: n.startDate, end: n.endDate })}</span>
              <span className="pub-secondary">{t('notices.entries', { count: n.entryCount })}</span>
            </div>
            {n.documents.length > 0 && <NoticeDocuments documents={n.documents} />}
          </li>
        ))}
      </ul>
    </LoadState>
  );
}

/** `/public/notices`: the notices on a page of their own. */
export function NoticesPage() {
  const { t } = useI18n();
  return (
    <Card title={t('notices.title')}>
      <Notices />
    </Card>
  );
}
