import { Button, Divider, Space, theme, Typography } from 'antd';
import type { SummaryView } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import type { ExportKind } from './summary';

/** Once the summary is sent: the supplements sent, each with its letter and table, and the applications waiting for the next one. */
export function Supplements({ summary: s, exporting, download, busy, onSend }: {
  summary: SummaryView;
  exporting: string | null;
  download(batchId: string, kind: ExportKind, sequence?: number): Promise<void>;
  busy: boolean;
  onSend(): void;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const pending = s.pendingSupplement ?? [];
  return (
    <section aria-label={t('summary.supplement.title')} data-testid="summary-supplements">
      <Divider>{t('summary.supplement.title')}</Divider>
      <Typography.Paragraph type="secondary">{t('summary.supplement.hint')}</Typography.Paragraph>
      {s.supplements.map((x) => (
        <Space key={x.summaryId} wrap style={{ marginBottom: token.marginXS }}>
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
      <Button type="primary" disabled={!pending.length} onClick={onSend} loading={busy}>{t('summary.supplement.submit')}</Button>
    </section>
  );
}
