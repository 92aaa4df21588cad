import { Button, Drawer, Flex, List, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import type { PrefectureProgress } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { useSummaryExport } from '../prefecture/summary';

/** The Department's view of one prefecture's summary and its supplements (补报, M7.3), each with its entries and letter. */
export function SummaryDrawer({ batchId, prefecture, onClose }: { batchId: string; prefecture: PrefectureProgress; onClose(): void }) {
  const { t } = useI18n();
  const { download, exporting } = useSummaryExport();
  const { prefectureId } = prefecture;
  const loaded = $api.useQuery('get', '/api/preliminary-review/summaries/{batchId}', { params: { path: { batchId }, query: { prefectureId } } });
  const s = loaded.data;
  const parts =
    s && s.status === 'SUBMITTED'
      ? [{ sequence: 0, submittedAt: s.submittedAt, entries: s.entries }, ...s.supplements.map((x) => ({ sequence: x.sequence, submittedAt: x.submittedAt, entries: x.entries }))]
      : [];
  return (
    <Drawer open size={720} title={t('progress.summary.title', { name: prefecture.prefectureName })} onClose={onClose} destroyOnHidden>
      <LoadState {...queryState(loaded)}>
        <Flex vertical gap="large">
          {!parts.length && <Typography.Text type="secondary">{t('progress.summary.notSent')}</Typography.Text>}
          {parts.map((p) => (
            <section key={p.sequence} data-testid={`summary-part-${p.sequence}`}>
              <Flex gap="small" wrap align="center">
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {p.sequence === 0 ? t('progress.summary.original', { at: formatBeijing(p.submittedAt) }) : t('progress.summary.supplement', { n: p.sequence, at: formatBeijing(p.submittedAt) })}
                </Typography.Title>
                <Button size="small" loading={exporting === `letter.pdf-${p.sequence}`} onClick={() => void download(batchId, 'letter.pdf', p.sequence, prefectureId)}>
                  {t('progress.summary.letter')}
                </Button>
              </Flex>
              <List
                size="small"
                dataSource={p.entries}
                renderItem={(e) => (
                  <List.Item key={e.applicationId}>
                    {e.order}. {e.enterprise.name}（{e.product.name} {e.product.model}）：{e.opinion}
                  </List.Item>
                )}
              />
            </section>
          ))}
        </Flex>
      </LoadState>
    </Drawer>
  );
}
