import { App, Button, Flex, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, ProblemError, unwrap } from '../../shared/api/client';
import { useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { saveBlob } from '../../shared/ui/save-file';
import { progressFetch } from '../../workspaces/enterprise/application-form/upload';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from '../objections/evidence-upload';
import { TRACKING_READS, type TrackingEvaluation } from './types';

type File_ = TrackingEvaluation['attachments'][number];

/** A refusal as the user's message: the problem's title in their language. */
function useFailure() {
  const { title } = useI18n();
  const { message } = App.useApp();
  return (err: unknown) => message.error(title(err instanceof ProblemError ? err.problem.title : String(err)));
}

/**
 * The files of an enterprise's tracking report (M12.2): whoever reads the evaluation downloads them
 * (audited by compliance); the enterprise adds them, up to 5 of 20 MiB, and removes them until it
 * reports (`editable`).
 */
export function ReportFiles({ e, editable = false }: { e: TrackingEvaluation; editable?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const failed = useFailure();
  const [busy, setBusy] = useState(false);
  const full = e.attachments.length >= EVIDENCE_MAX_FILES;
  const path = (f: File_) => ({ path: { id: e.id, sha256: f.sha256 } });
  const download = async (f: File_) => {
    try {
      saveBlob(await unwrap<Blob>(api.GET('/api/tracking-evaluations/{id}/files/{sha256}', { params: path(f), parseAs: 'blob' })), f.fileName);
    } catch (err) {
      failed(err);
    }
  };
  const remove = async (f: File_) => {
    try {
      await unwrap(api.DELETE('/api/tracking-evaluations/{id}/files/{sha256}', { params: path(f) }));
      await invalidate(...TRACKING_READS);
    } catch (err) {
      failed(err);
    }
  };
  const upload = async (file: File) => {
    if (file.size > EVIDENCE_MAX_BYTES) return void message.error(t('tracking.files.tooLarge', { name: file.name }));
    try {
      await unwrap(
        api.POST('/api/tracking-evaluations/{id}/attachments', {
          params: { path: { id: e.id }, header: { 'X-File-Name': encodeURIComponent(file.name) } },
          headers: { 'Content-Type': 'application/octet-stream' },
          fetch: progressFetch(file, () => undefined),
        }),
      );
      message.success(t('tracking.files.uploaded', { name: file.name }));
      await invalidate(...TRACKING_READS);
    } catch (err) {
      failed(err);
    }
  };
  return (
    <Flex vertical gap={4} data-testid="tracking-files">
      {e.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('tracking.files.none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={0}>
          {e.attachments.map((f) => (
            <Space key={f.sha256} size="small">
              <Button type="link" size="small" onClick={() => void download(f)}>{`${f.fileName}（${Math.ceil(f.size / 1024)} KB）`}</Button>
              {editable && (
                <Button type="link" size="small" danger onClick={() => void remove(f)} aria-label={t('tracking.files.remove', { name: f.fileName })}>
                  {t('tracking.files.delete')}
                </Button>
              )}
            </Space>
          ))}
        </Space>
      )}
      {editable && (
        <Flex gap="small" align="center" wrap>
          <Upload
            accept={EVIDENCE_ACCEPT}
            showUploadList={false}
            disabled={full}
            beforeUpload={(file) => {
              setBusy(true);
              void upload(file).finally(() => setBusy(false));
              return false;
            }}
          >
            <Button size="small" loading={busy} disabled={full}>{t('tracking.files.upload')}</Button>
          </Upload>
          <Typography.Text type="secondary">{t('tracking.files.help')}</Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
