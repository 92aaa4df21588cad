import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Result, Space, theme, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { api, ProblemError, unwrap } from '../../shared/api/client';
import type { MaterialFile } from '../../shared/api/views';
import { saveBlob } from '../../shared/ui/save-file';
import { LoadState, queryState } from '../../shared/ui/states';
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

/** A file's content, cached once fetched (a stored file does not change; a replaced one has a new id). */
const contentQuery = (applicationId: string, file: MaterialFile) => ({
  queryKey: ['material-content', applicationId, file.id],
  queryFn: () => fetchFile(applicationId, file),
  staleTime: Infinity,
  gcTime: 60_000,
});

/** Downloads a file the browser does not show (Word, Excel, OFD…): fetched with the token, saved under its name. */
export function useDownload(applicationId: string) {
  const { title } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  return async (file: MaterialFile) => {
    try {
      saveBlob(await client.fetchQuery(contentQuery(applicationId, file)), file.fileName);
    } catch (err) {
      message.error(title(err instanceof ProblemError ? err.problem.title : String(err)));
    }
  };
}

/**
 * A blob shown in a frame or an image: its blob URL lives as long as the element shows it (made
 * when shown, revoked when gone), set on the element itself.
 */
function useBlobSource<E extends HTMLIFrameElement | HTMLImageElement>(blob: Blob) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const url = URL.createObjectURL(blob);
    if (ref.current) ref.current.src = url;
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return ref;
}

function PdfFrame({ blob, name }: { blob: Blob; name: string }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const ref = useBlobSource<HTMLIFrameElement>(blob);
  return <iframe ref={ref} title={t('review.viewer.frame', { name })} style={{ width: '100%', height: '68vh', border: `${token.lineWidth}px solid ${token.colorBorderSecondary}` }} />;
}

function ImageView({ blob, name }: { blob: Blob; name: string }) {
  const ref = useBlobSource<HTMLImageElement>(blob);
  return (
    <div style={{ maxHeight: '68vh', overflow: 'auto', textAlign: 'center' }}>
      <img ref={ref} alt={name} style={{ maxWidth: '100%' }} />
    </div>
  );
}

/** The file's content: a frame, an image, or the offer to download. */
function FileContent({ applicationId, file }: { applicationId: string; file: MaterialFile }) {
  const { t } = useI18n();
  const content = useQuery(contentQuery(applicationId, file));
  const blob = content.data;
  const kind = viewable(file);
  return (
    <LoadState {...queryState(content)}>
      {blob && kind === 'pdf' && <PdfFrame blob={blob} name={file.fileName} />}
      {blob && kind === 'image' && <ImageView blob={blob} name={file.fileName} />}
      {blob && !kind && (
        <Result
          status="info"
          title={t('review.viewer.notViewable')}
          extra={<Button type="primary" onClick={() => saveBlob(blob, file.fileName)}>{t('review.file.download')}</Button>}
        />
      )}
    </LoadState>
  );
}

/**
 * The in-browser viewer: a PDF in a frame, an image as an image, both from a blob URL fetched with
 * the officer's token (the content route needs it; a plain link would not carry it).
 */
export function MaterialViewer({ applicationId, file, onClose }: { applicationId: string; file: MaterialFile | null; onClose(): void }) {
  const { t } = useI18n();
  const download = useDownload(applicationId);
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
          {file && <Button onClick={() => void download(file)}>{t('review.file.download')}</Button>}
          <Button type="primary" onClick={onClose}>{t('review.viewer.close')}</Button>
        </Space>
      }
    >
      {file && (
        <div data-testid="material-viewer">
          <Typography.Paragraph type="secondary">
            {t('review.viewer.meta', { size: fileSize(file.size, t), at: formatBeijing(file.uploadedAt) })}
          </Typography.Paragraph>
          <FileContent applicationId={applicationId} file={file} />
        </div>
      )}
    </Modal>
  );
}
