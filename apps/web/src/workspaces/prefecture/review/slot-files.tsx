import { Button, Space, Typography } from 'antd';
import type { MaterialFile } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { useDownload } from '../../../features/material-viewer/material-viewer';
import { fileSize, viewable } from '../../../features/application-viewer/review-format';

/** The files the enterprise put into one slot: view in the browser or download. */
export function SlotFiles({ applicationId, files, onView }: { applicationId: string; files: MaterialFile[]; onView(file: MaterialFile): void }) {
  const { t } = useI18n();
  const download = useDownload(applicationId);
  if (!files.length) return <Typography.Text type="warning">{t('review.files.none')}</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('review.files')}>
      {files.map((f) => (
        <li key={f.id}>
          <Space size={4} wrap>
            {viewable(f) ? (
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onView(f)} aria-label={t('review.file.view', { name: f.fileName })}>
                {f.fileName}
              </Button>
            ) : (
              <Typography.Text>{f.fileName}</Typography.Text>
            )}
            <Typography.Text type="secondary">{fileSize(f.size, t)}</Typography.Text>
            <Button type="link" size="small" onClick={() => void download(f)} aria-label={t('review.file.downloadNamed', { name: f.fileName })}>
              {t('review.file.download')}
            </Button>
          </Space>
        </li>
      ))}
    </ul>
  );
}
