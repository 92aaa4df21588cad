import { Alert, App, Button, Card, Divider, Form, Input, Space, theme, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { $api, useInvalidate } from '../../shared/api/query';
import type { QueryOf } from '../../shared/api/views';
import { showProblem } from '../../shared/ui/problem-form';
import { fileNameOf, saveBlob } from '../../shared/ui/save-file';
import { Supplements } from './summary-supplements';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { formatBeijing } from '../../shared/ui/beijing-time';

export type ExportKind = 'table.xlsx' | 'letter.pdf';

/** An export of the summary (sequence 0) or of a supplement, as the server names it (Content-Disposition), fetched with the user's token. */
export function useSummaryExport() {
  const { title } = useI18n();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState<string | null>(null);
  const download = async (batchId: string, kind: ExportKind, sequence = 0, prefectureId?: string) => {
    setExporting(`${kind}-${sequence}`);
    try {
      const query: QueryOf<`/api/preliminary-review/summaries/{batchId}/${ExportKind}`> = { ...(sequence ? { sequence } : {}), ...(prefectureId ? { prefectureId } : {}) };
      const request = api.GET(`/api/preliminary-review/summaries/{batchId}/${kind}`, { params: { path: { batchId }, query }, parseAs: 'blob' });
      const blob = await unwrap<Blob>(request);
      saveBlob(blob, fileNameOf((await request).response) ?? kind);
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setExporting(null);
    }
  };
  return { download, exporting };
}

/**
 * The prefecture sends its summary of a batch to the Department (M7.3) and, once it is sent, a
 * supplement (补报) for applications recommended later within their correction deadline. Each
 * asks for confirmation, saying what follows, and has its own letter.
 */
export function SummaryPage() {
  const { t, title } = useI18n();
  const { token } = theme.useToken();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<{ batchId: string; signerName?: string }>();
  const [done, setDone] = useState<string | null>(null);
  const { download, exporting } = useSummaryExport();
  const batchId = Form.useWatch('batchId', form);
  const current = $api.useQuery('get', '/api/preliminary-review/summaries/{batchId}', { params: { path: { batchId: batchId ?? '' } } }, { enabled: !!batchId });
  // What the Department reads of the prefecture's summary changes with it.
  const sent = () => invalidate('/api/preliminary-review/summaries/{batchId}', '/api/preliminary-review/progress/{batchId}');
  const submit = $api.useMutation('post', '/api/preliminary-review/summaries', { onSuccess: sent });
  const supplement = $api.useMutation('post', '/api/preliminary-review/summaries/supplements', { onSuccess: sent });
  const s = batchId ? current.data : undefined;
  const pending = s?.pendingSupplement ?? [];

  const send = (asSupplement: boolean) => async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue();
    const count = asSupplement ? pending.length : (s?.entries.length ?? 0);
    modal.confirm({
      title: t(asSupplement ? 'summary.supplement.confirm.title' : 'summary.confirm.title'),
      content: t(asSupplement ? 'summary.supplement.confirm' : 'summary.confirm.count', { count }),
      okText: t(asSupplement ? 'summary.supplement.submit' : 'summary.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const body = { batchId: v.batchId, signerName: v.signerName?.trim() || undefined };
          const result = await (asSupplement ? supplement : submit).mutateAsync({ body });
          setDone(t(asSupplement ? 'summary.supplement.submitted' : 'summary.submitted', { count: result.entries.length }));
        } catch (err) {
          showProblem(err, title, message, form);
        }
      },
    });
  };
  const busy = submit.isPending || supplement.isPending;

  return (
    <Card title={t('summary.title')} style={{ maxWidth: 760 }}>
      {done && <Alert type="success" showIcon style={{ marginBottom: token.margin }} title={done} data-testid="summary-done" />}
      <Form form={form} name="summary" layout="vertical">
        <Form.Item name="batchId" label={t('batch.select')} rules={[{ required: true, message: t('batch.select.placeholder') }]}>
          <BatchSelect />
        </Form.Item>
        <Form.Item name="signerName" label={t('summary.signerName')} rules={[{ max: 100 }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        {s && (
          <Typography.Paragraph data-testid="summary-status">
            {s.status === 'SUBMITTED' ? t('summary.status', { name: s.prefectureName, at: formatBeijing(s.submittedAt), count: s.entries.length }) : t('summary.status.draft', { count: s.entries.length })}
          </Typography.Paragraph>
        )}
        {s?.status !== 'SUBMITTED' && (
          <Button type="primary" onClick={send(false)} loading={busy}>{t('summary.submit')}</Button>
        )}
      </Form>
      <Divider />
      <Typography.Paragraph type="secondary">{t('summary.exports')}</Typography.Paragraph>
      <Space wrap>
        <Button disabled={!batchId} title={batchId ? undefined : t('summary.export.needBatch')} loading={exporting === 'table.xlsx-0'} onClick={() => void download(batchId, 'table.xlsx')}>
          {t('summary.export.table')}
        </Button>
        <Button disabled={!batchId} title={batchId ? undefined : t('summary.export.needBatch')} loading={exporting === 'letter.pdf-0'} onClick={() => void download(batchId, 'letter.pdf')}>
          {t('summary.export.letter')}
        </Button>
      </Space>
      {s?.status === 'SUBMITTED' && <Supplements summary={s} exporting={exporting} download={download} busy={busy} onSend={send(true)} />}
    </Card>
  );
}

