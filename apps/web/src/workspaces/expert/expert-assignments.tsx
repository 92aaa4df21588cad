import { Button, Card, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { LoadState } from '../../shared/ui/states';
import { useI18n } from '../../shared/i18n/i18n';
import { ASSIGNMENT_STAGES, AssignmentStage, ExpertReviewRow, isRedacted, Paged, ReviewView } from '../../features/review-panel/types';
import { usePaged } from '../../features/review-panel/use-paged';
import { ScoreDrawer } from './score-drawer';
import { UndertakingDialog } from './undertaking-dialog';
import { formatBeijing } from '../../shared/ui/beijing-time';

/** The expert's assignments at one stage, paged on the server. */
function StageList({ stage, reloadKey, onAccept, onScore }: { stage: AssignmentStage; reloadKey: number; onAccept(r: ExpertReviewRow): void; onScore(r: ReviewView): void }) {
  const { t, tk } = useI18n();
  const list = usePaged(
    (page, pageSize) => unwrap<Paged<ExpertReviewRow>>(api.GET('/api/reviews/search', { params: { query: { stage, page, pageSize } } })),
    [stage, reloadKey],
  );
  return (
    <LoadState loading={list.loading} error={list.error} empty={list.data ? list.data.total === 0 : undefined} emptyText={t(`expert.empty.${stage}`)} onRetry={list.reload}>
      <Table<ExpertReviewRow>
        rowKey="applicationId"
        loading={list.loading}
        dataSource={list.data?.items}
        pagination={list.pagination}
        columns={[
          { title: t('application.no'), dataIndex: 'applicationNo', width: 160 },
          { title: t('application.productKind'), render: (_, r) => tk('productKind', r.product.kind) },
          {
            title: t('panel.product'),
            render: (_, r) => (isRedacted(r) ? <Typography.Text type="secondary">{t('expert.redacted')}</Typography.Text> : `${r.product.name}（${r.product.model}）`),
          },
          ...(stage === 'SCORED'
            ? [
                { title: t('panel.score'), render: (_: unknown, r: ExpertReviewRow) => <Tag color="green">{t('panel.score.value', { score: r.myAssignment?.score ?? 0 })}</Tag> },
                { title: t('panel.opinion'), render: (_: unknown, r: ExpertReviewRow) => r.myAssignment?.opinion },
                { title: t('panel.scoredAt'), render: (_: unknown, r: ExpertReviewRow) => formatBeijing(r.myAssignment?.scoredAt) },
              ]
            : [{ title: t('panel.assignedAt'), render: (_: unknown, r: ExpertReviewRow) => formatBeijing(r.myAssignment?.assignedAt) }]),
          ...(stage === 'SCORED'
            ? []
            : [
                {
                  title: t('common.actions'),
                  render: (_: unknown, r: ExpertReviewRow) =>
                    isRedacted(r) ? (
                      <Button size="small" type="primary" onClick={() => onAccept(r)}>{t('expert.accept')}</Button>
                    ) : (
                      <Button size="small" type="primary" onClick={() => onScore(r)}>{t('expert.scoreIt')}</Button>
                    ),
                },
              ]),
        ]}
      />
    </LoadState>
  );
}

/**
 * The expert's workspace: assignments to accept (with the confidentiality undertaking, M11.1), to
 * score (the application as the service shows it after the undertaking), and the scores given.
 */
export function ExpertAssignmentsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<AssignmentStage>('ASSIGNED');
  const [accepting, setAccepting] = useState<ExpertReviewRow | null>(null);
  const [scoring, setScoring] = useState<ReviewView | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const reloadAll = () => setReloadKey((k) => k + 1);
  const list = (stage: AssignmentStage) => <StageList stage={stage} reloadKey={reloadKey} onAccept={setAccepting} onScore={setScoring} />;
  return (
    <Card title={t('expert.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as AssignmentStage)}
        destroyOnHidden
        items={ASSIGNMENT_STAGES.map((s) => ({ key: s, label: t(`expert.tab.${s}`), children: list(s) }))}
      />
      {accepting && (
        <UndertakingDialog
          row={accepting}
          onClose={() => setAccepting(null)}
          onAccepted={() => {
            setAccepting(null);
            setTab('ACCEPTED');
            reloadAll();
          }}
        />
      )}
      {scoring && (
        <ScoreDrawer
          review={scoring}
          onClose={() => setScoring(null)}
          onScored={() => {
            setScoring(null);
            setTab('SCORED');
            reloadAll();
          }}
        />
      )}
    </Card>
  );
}
