import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Popconfirm, Progress, Space, Tag, theme, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ProblemError } from '../../../shared/api/client';
import { $api, useInvalidate } from '../../../shared/api/query';
import type { ChecklistSlot, Material } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { downloadMaterial, RESUMABLE_ABOVE, uploadMaterial } from './upload';
import { formatBeijing } from '../../../shared/ui/beijing-time';

/** A file's size in the user's language (the zh-CN UI has no Latin units). */
export function fileSize(bytes: number, t: (key: 'form.size.b' | 'form.size.kb' | 'form.size.mb', vars: { n: string }) => string): string {
  if (bytes < 1024) return t('form.size.b', { n: String(bytes) });
  if (bytes < 1024 * 1024) return t('form.size.kb', { n: (bytes / 1024).toFixed(1) });
  return t('form.size.mb', { n: (bytes / 1024 / 1024).toFixed(1) });
}

/**
 * One slot of the M7.4 checklist: what it is, its files (download, remove), and an upload with
 * progress; the server's refusal of a file (type by content, size, a PDF with scripts) is shown here.
 */
export function MaterialSlot({ applicationId, slot, files, editable, highlighted }: {
  applicationId: string;
  slot: ChecklistSlot;
  files: Material[];
  editable: boolean;
  highlighted: boolean;
}) {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const invalidate = useInvalidate();
  // A file in or out changes the slot's files and what the check says of it.
  const changed = () => invalidate('/api/applications/{id}/materials', '/api/applications/{id}/check');
  const { mutateAsync: deleteFile } = $api.useMutation('delete', '/api/applications/{id}/materials/{materialId}', { onSuccess: changed });
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resumable, setResumable] = useState(false);
  const name = locale === 'en' ? slot.nameEn : slot.nameZh;

  const upload = async (file: File) => {
    setError(null);
    setProgress(0);
    setResumable(file.size > RESUMABLE_ABOVE);
    try {
      await uploadMaterial(applicationId, slot.slotId, file, setProgress);
      message.success(t('form.materials.uploaded', { name: file.name }));
      void changed();
    } catch (err) {
      const p = err instanceof ProblemError ? err.problem : null;
      setError(p ? t('form.materials.refused', { name: file.name, reason: title(p.title) }) : t('common.networkError'));
    } finally {
      setProgress(null);
    }
  };

  const remove = async (m: Material) => {
    try {
      await deleteFile({ params: { path: { id: applicationId, materialId: m.id } } });
      message.success(t('form.materials.removed', { name: m.fileName }));
    } catch (err) {
      message.error(err instanceof ProblemError ? title(err.problem.title) : t('common.networkError'));
    }
  };

  const download = (m: Material) =>
    downloadMaterial(applicationId, m).catch((err: unknown) => message.error(err instanceof ProblemError ? title(err.problem.title) : t('common.networkError')));

  return (
    <Card
      size="small"
      id={`slot-${slot.slotId}`}
      data-testid={`slot-${slot.slotId}`}
      role="group"
      aria-label={name}
      style={highlighted ? { borderColor: token.colorWarning, boxShadow: `0 0 0 ${token.controlOutlineWidth}px ${token.colorWarningBorder}` } : undefined}
      title={
        <Space wrap>
          <Typography.Text strong>{t('form.materials.item', { item: slot.item, name })}</Typography.Text>
          {slot.required ? <Tag color="red">{t('form.materials.required')}</Tag> : <Tag>{t('form.materials.optional')}</Tag>}
          {files.length > 0 ? <Tag color="success">{t('form.materials.done', { count: files.length })}</Tag> : <Tag color="default">{t('form.materials.none')}</Tag>}
        </Space>
      }
      extra={
        editable && (
          <Upload
            showUploadList={false}
            multiple={false}
            disabled={progress !== null}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={progress !== null} aria-label={t('form.materials.upload.for', { name })}>
              {t('form.materials.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {progress !== null && (
        <div role="status" aria-live="polite">
          <Progress percent={Math.floor(progress * 100)} size="small" status="active" aria-label={t('form.materials.progress', { name })} />
          {resumable && <Typography.Text type="secondary">{t('form.materials.resumable')}</Typography.Text>}
        </div>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} closable onClose={() => setError(null)} style={{ marginBottom: token.marginXS }} data-testid={`slot-error-${slot.slotId}`} />}
      {files.length === 0 ? (
        <Typography.Text type="secondary">{t('form.materials.empty')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={files}
          renderItem={(m) => (
            <List.Item
              actions={[
                <Button key="download" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download(m)} aria-label={t('form.materials.download.for', { name: m.fileName })}>
                  {t('form.materials.download')}
                </Button>,
                ...(editable
                  ? [
                      <Popconfirm key="remove" title={t('form.materials.remove.confirm', { name: m.fileName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove(m)}>
                        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('form.materials.remove.for', { name: m.fileName })}>
                          {t('form.materials.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <Space wrap>
                <Typography.Text>{m.fileName}</Typography.Text>
                <Typography.Text type="secondary">{fileSize(m.size, t)}</Typography.Text>
                <Typography.Text type="secondary">{formatBeijing(m.uploadedAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
