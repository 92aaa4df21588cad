import { Alert, App, Button, Card, Divider, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { SummaryView } from '../api/views';
import { showProblem } from '../components/problem-form';
import { saveBlob } from '../components/save-file';
import { useI18n } from '../i18n/i18n';
import { BatchSelect } from './batch-select';

/** The prefecture sends its summary of a batch to the Department (M7.3). */
export function SummaryPage() {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ batchId: string; signerName?: string }>();
  const [sent, setSent] = useState<SummaryView | null>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const batchId = Form.useWatch('batchId', form);
  /** The export as the server names it (Content-Disposition), fetched with the officer's token. */
  const download = async (kind: 'table.xlsx' | 'letter.pdf') => {
    if (!batchId) return;
    setExporting(kind);
    try {
      const request = api.GET(`/api/preliminary-review/summaries/{batchId}/${kind}`, { params: { path: { batchId } }, parseAs: 'blob' });
      const blob = await unwrap<Blob>(request);
      saveBlob(blob, fileNameOf((await request).response) ?? kind);
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setExporting(null);
    }
  };
  const submit = (v: { batchId: string; signerName?: string }) =>
    Modal.confirm({
      title: t('summary.submit'),
      content: t('summary.confirm'),
      okText: t('common.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy(true);
        try {
          const summary = await unwrap<SummaryView>(api.POST('/api/preliminary-review/summaries', { body: { batchId: v.batchId, signerName: v.signerName?.trim() || undefined } }));
          setSent(summary);
        } catch (err) {
          showProblem(err, title, message, form);
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <Card title={t('summary.title')} style={{ maxWidth: 720 }}>
      {sent && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('summary.submitted', { count: sent.entries.length })} />}
      <Form form={form} name="summary" layout="vertical" onFinish={submit}>
        <Form.Item name="batchId" label={t('batch.select')} rules={[{ required: true, message: t('batch.select.placeholder') }]}>
          <BatchSelect />
        </Form.Item>
        <Form.Item name="signerName" label={t('summary.signerName')} rules={[{ max: 100 }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('summary.submit')}</Button>
      </Form>
      <Divider />
      <Typography.Paragraph type="secondary">{t('summary.exports')}</Typography.Paragraph>
      <Space>
        <Button disabled={!batchId} title={batchId ? undefined : t('summary.export.needBatch')} loading={exporting === 'table.xlsx'} onClick={() => void download('table.xlsx')}>
          {t('summary.export.table')}
        </Button>
        <Button disabled={!batchId} title={batchId ? undefined : t('summary.export.needBatch')} loading={exporting === 'letter.pdf'} onClick={() => void download('letter.pdf')}>
          {t('summary.export.letter')}
        </Button>
      </Space>
    </Card>
  );
}

/** `attachment; filename*=UTF-8''…`: the file name the gateway gave. */
function fileNameOf(response: Response): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : undefined;
}
