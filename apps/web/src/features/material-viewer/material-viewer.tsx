import { App, Button, Modal, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, Problem, ProblemError, unwrap } from '../../shared/api/client';
import type { MaterialFile } from '../../shared/api/views';
import { saveBlob, saveUrl } from '../../shared/ui/save-file';
import { LoadState } from '../../shared/ui/states';
import { useI18n } from '../../shared/i18n/i18n';
import { fileSize, viewable } from '../application-viewer/review-format';
import { formatBeijing } from '../../shared/ui/beijing-time';

/** The file's bytes through the typed client (which adds the bearer token), as a typed blob. */
async function fetchFile(applicationId: string, file: MaterialFile): Promise<Blob> {
  const blob = await unwrap<Blob>(
    api.GET('/api/applications/{id}/materials/{materialId}/content', { params: { path: { id: applicationId, materialId: file.id } }, parseAs: 'blob' }),
  );
  const kind = viewable(file);
  // The gateway names the type; a PDF shown in a frame must say so even if a proxy dropped it.
  if (kind === 'pdf' && blob.type !== 'application/pdf') return new Blob([blob], { type: 'application/pdf' });
  return blob;
}

/** Downloads a file the browser does not show (Word, Excel, OFD…): fetched with the token, saved under its name. */
export function useDownload(applicationId: string) {
  const { title } = useI18n();
  const { message } = App.useApp();
  return async (file: MaterialFile) => {
    try {
      saveBlob(await fetchFile(applicationId, file), file.fileName);
    } catch (err) {
      message.error(title(err instanceof ProblemError ? err.problem.title : String(err)));
    }
  };
}

/**
 * The in-browser viewer: a PDF in a frame, an image as an image, both from a blob URL fetched with
 * the officer's token (the content route needs it; a plain link would not carry it).
 */
export function MaterialViewer({ applicationId, file, onClose }: { applicationId: string; file: MaterialFile | null; onClose(): void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!file) return;
    let live = true;
    let made: string | null = null;
    setUrl(null);
    setError(null);
    fetchFile(applicationId, file)
      .then((blob) => {
        made = URL.createObjectURL(blob);
        if (live) setUrl(made);
        else URL.revokeObjectURL(made);
      })
      .catch((e: unknown) => live && setError(e instanceof ProblemError ? e.problem : { title: String(e), status: 0, code: 'CLIENT' }));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [applicationId, file, tick]);
  const kind = file ? viewable(file) : null;
  return (
    <Modal
      open={!!file}
      title={file ? t('review.viewer.title', { name: file.fileName }) : ''}
      onCancel={onClose}
      width="min(1100px, 94vw)"
      centered
      destroyOnHidden
      footer={
        <Space>
          {file && url && (
            <Button onClick={() => saveUrl(url, file.fileName)}>{t('review.file.download')}</Button>
          )}
          <Button type="primary" onClick={onClose}>{t('review.viewer.close')}</Button>
        </Space>
      }
    >
      {file && (
        <div data-testid="material-viewer">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('review.viewer.meta', { size: fileSize(file.size, t), at: formatBeijing(file.uploadedAt) })}
          </Typography.Paragraph>
          <LoadState loading={!url} error={error} onRetry={() => setTick((n) => n + 1)}>
            {url && kind === 'pdf' && (
              <iframe src={url} title={t('review.viewer.frame', { name: file.fileName })} style={{ width: '100%', height: '68vh', border: '1px solid #f0f0f0' }} />
            )}
            {url && kind === 'image' && (
              <div style={{ maxHeight: '68vh', overflow: 'auto', textAlign: 'center' }}>
                <img src={url} alt={file.fileName} style={{ maxWidth: '100%' }} />
              </div>
            )}
            {url && !kind && (
              <Result
                status="info"
                title={t('review.viewer.notViewable')}
                extra={<Button type="primary" onClick={() => saveUrl(url, file.fileName)}>{t('review.file.download')}</Button>}
              />
            )}
          </LoadState>
        </div>
      )}
    </Modal>
  );
}
