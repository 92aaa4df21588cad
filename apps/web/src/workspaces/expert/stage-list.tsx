import { Button, Table, Tag, Typography } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { PageState, useUrlPagination } from '../../shared/hooks/url-pagination';
import { AssignmentStage, ExpertReviewRow, isRedacted } from '../../features/review-panel/types';
import { RecommendationTag } from '../../features/review-panel/criterion-scores';

/** The expert's assignments at one stage, paged on the server (the page from the URL). */
export function StageList({ stage, paging, onPage, onOpen }: {
  stage: AssignmentStage;
  paging: PageState;
  onPage(next: PageState): void;
  /** Opens the assignment's case page (the undertaking, the application, the rubric). */
  onOpen(r: ExpertReviewRow): void;
}) {
  const { t, tk } = useI18n();
  const q = $api.useQuery('get', '/api/reviews/search', { params: { query: { stage, ...paging } } }, { placeholderData: keepPreviousData });
  const pagination = useUrlPagination(paging, q.data?.total, onPage);
  const at = (_: unknown, r: ExpertReviewRow) => formatBeijing(r.myAssignment?.assignedAt);
  const scored = [
    { title: t('panel.score'), render: (_: unknown, r: ExpertReviewRow) => <Tag color="green">{t('panel.score.value', { score: r.myAssignment?.score ?? 0 })}</Tag> },
    { title: t('scoring.recommendation'), render: (_: unknown, r: ExpertReviewRow) => <RecommendationTag value={r.myAssignment?.recommendation ?? null} /> },
    { title: t('panel.opinion'), render: (_: unknown, r: ExpertReviewRow) => r.myAssignment?.opinion },
    { title: t('panel.scoredAt'), render: (_: unknown, r: ExpertReviewRow) => formatBeijing(r.myAssignment?.scoredAt) },
    { title: t('common.actions'), render: (_: unknown, r: ExpertReviewRow) => <Button size="small" onClick={() => onOpen(r)}>{t('scoring.list.view')}</Button> },
  ];
  const ended = [
    { title: t('scoring.list.endedAt'), render: (_: unknown, r: ExpertReviewRow) => formatBeijing(r.myAssignment?.endedAt) },
    { title: t('scoring.list.endReason'), render: (_: unknown, r: ExpertReviewRow) => r.myAssignment?.endReason },
  ];
  const open = [
    { title: t('panel.assignedAt'), render: at },
    {
      title: t('common.actions'),
      render: (_: unknown, r: ExpertReviewRow) =>
        isRedacted(r) ? (
          <Button size="small" type="primary" onClick={() => onOpen(r)}>{t('expert.accept')}</Button>
        ) : (
          <Button size="small" type="primary" onClick={() => onOpen(r)}>{t('expert.scoreIt')}</Button>
        ),
    },
  ];
  return (
    <LoadState {...queryState(q)} empty={q.data ? q.data.total === 0 : undefined} emptyText={t(`expert.empty.${stage}`)}>
      <Table<ExpertReviewRow>
        rowKey="applicationId"
        loading={q.isFetching}
        dataSource={q.data?.items}
        pagination={pagination}
        columns={[
          { title: t('application.no'), dataIndex: 'applicationNo', width: 160 },
          { title: t('application.productKind'), render: (_, r) => tk('productKind', r.product.kind) },
          {
            title: t('panel.product'),
            render: (_, r) => (isRedacted(r) ? <Typography.Text type="secondary">{t('expert.redacted')}</Typography.Text> : `${r.product.name}（${r.product.model}）`),
          },
          ...(stage === 'SCORED' ? scored : stage === 'ENDED' ? ended : open),
        ]}
      />
    </LoadState>
  );
}
