import { Alert, App, Button, Card, Divider, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import type { QueryOf, SummaryView } from '../../shared/api/views';
import { showProblem } from '../../shared/ui/problem-form';
import { saveBlob } from '../../shared/ui/save-file';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { formatBeijing } from '../../shared/ui/beijing-time';

type ExportKind = 'table.xlsx' | 'letter.pdf';

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
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ batchId: string; signerName?: string }>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { download, exporting } = useSummaryExport();
  const batchId = Form.useWatch('batchId', form);
  const current = useLoad(
    () => (batchId ? unwrap<SummaryView>(api.GET('/api/preliminary-review/summaries/{batchId}', { params: { path: { batchId } } })) : Promise.resolve(undefined)),
    [batchId],
  );
  const s = current.data;
  const sent = s?.status === 'SUBMITTED';
  const pending = s?.pendingSupplement ?? [];

  const send = (supplement: boolean) => async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue();
    const count = supplement ? pending.length : (s?.entries.length ?? 0);
    modal.confirm({
      title: t(supplement ? 'summary.supplement.confirm.title' : 'summary.confirm.title'),
      content: t(supplement ? 'summary.supplement.confirm' : 'summary.confirm.count', { count }),
      okText: t(supplement ? 'summary.supplement.submit' : 'summary.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy(true);
        try {
          const body = { batchId: v.batchId, signerName: v.signerName?.trim() || undefined };
          const result = await unwrap<SummaryView>(api.POST(supplement ? '/api/preliminary-review/summaries/supplements' : '/api/preliminary-review/summaries', { body }));
          setDone(t(supplement ? 'summary.supplement.submitted' : 'summary.submitted', { count: result.entries.length }));
          current.reload();
        } catch (err) {
          showProblem(err, title, message, form);
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Card title={t('summary.title')} style={{ maxWidth: 760 }}>
      {done && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={done} data-testid="summary-done" />}
      <Form form={form} name="summary" layout="vertical">
        <Form.Item name="batchId" label={t('batch.select')} rules={[{ required: true, message: t('batch.select.placeholder') }]}>
          <BatchSelect />
        </Form.Item>
        <Form.Item name="signerName" label={t('summary.signerName')} rules={[{ max: 100 }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        {s && (
          <Typography.Paragraph data-testid="summary-status">
            {sent ? t('summary.status', { name: s.prefectureName, at: formatBeijing(s.submittedAt), count: s.entries.length }) : t('summary.status.draft', { count: s.entries.length })}
          </Typography.Paragraph>
        )}
        {!sent && (
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
      {sent && s && (
        <section aria-label={t('summary.supplement.title')} data-testid="summary-supplements">
          <Divider>{t('summary.supplement.title')}</Divider>
          <Typography.Paragraph type="secondary">{t('summary.supplement.hint')}</Typography.Paragraph>
          {s.supplements.map((x) => (
            <Space key={x.summaryId} wrap style={{ marginBottom: 8 }}>
              <Typography.Text>{t('summary.supplement.sent', { n: x.sequence, at: formatBeijing(x.submittedAt), count: x.entries.length })}</Typography.Text>
              <Button size="small" loading={exporting === `letter.pdf-${x.sequence}`} onClick={() => void download(s.batchId, 'letter.pdf', x.sequence)}>
                {t('summary.supplement.letter', { n: x.sequence })}
              </Button>
              <Button size="small" loading={exporting === `table.xlsx-${x.sequence}`} onClick={() => void download(s.batchId, 'table.xlsx', x.sequence)}>
                {t('summary.supplement.table', { n: x.sequence })}
              </Button>
            </Space>
          ))}
          <Typography.Paragraph data-testid="summary-pending">
            {pending.length
              ? t('summary.supplement.pending', { count: pending.length, names: pending.map((e) => `${e.enterprise.name}（${e.product.name}）`).join('；') })
              : t('summary.supplement.none')}
          </Typography.Paragraph>
          <Button type="primary" disabled={!pending.length} onClick={send(true)} loading={busy}>{t('summary.supplement.submit')}</Button>
        </section>
      )}
    </Card>
  );
}

/** `attachment; filename*=UTF-8''…`: the file name the gateway gave. */
function fileNameOf(response: Response): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : undefined;
}
