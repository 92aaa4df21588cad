import { Alert, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { CriterionScoresTable } from '../../features/review-panel/criterion-scores';
import { ReviewFacts, StageTag } from '../../features/review-panel/review-parts';
import { isRedacted } from '../../features/review-panel/types';
import type { ReviewView } from '../../features/review-panel/types';
import { CallRoundDialog, ConcludeRoundDialog } from './consensus-dialogs';
import { InstitutionSiteVisits } from './site-visits/site-visits-section';
import { ReviewReportSection } from './reports/review-report-section';

const LIST = '/institution/reviews';
const UNDER_REVIEW = 'UNDER_COMPREHENSIVE_REVIEW';

/** The spread of the experts' weighted totals against the profile's threshold (M8.1). */
function DivergenceCard({ review, onCall, onConclude }: { review: ReviewView; onCall(): void; onConclude(): void }) {
  const { t } = useI18n();
  const d = review.divergence!;
  const open = (review.consensusRounds ?? []).find((r) => !r.concludedAt);
  const underReview = review.state === UNDER_REVIEW;
  return (
    <Card title={t('scoring.divergence.title')} data-testid="divergence">
      <Flex vertical gap="middle">
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('scoring.divergence.spread')} value={d.spread ?? t('scoring.none')} precision={d.spread === null ? undefined : 1} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('scoring.divergence.threshold')} value={d.threshold} />
          </Col>
          <Col xs={24} md={12}>
            {d.divergent ? <Tag color="red" data-testid="divergent">{t('scoring.divergence.flag')}</Tag> : <Tag color="green">{t('scoring.divergence.ok')}</Tag>}
          </Col>
        </Row>
        {open && (
          <Alert
            type="warning"
            showIcon
            data-testid="round-open"
            title={t('scoring.round.open', { at: formatBeijing(open.calledAt) })}
            description={t('scoring.round.open.reason', { reason: open.reason })}
            action={underReview ? <Button onClick={onConclude}>{t('scoring.round.conclude')}</Button> : undefined}
          />
        )}
        {!open && d.divergent && underReview && (
          <div>
            <Button type="primary" danger onClick={onCall}>{t('scoring.round.call')}</Button>
          </div>
        )}
        <List
          size="small"
          header={<Typography.Text strong>{t('scoring.round.history')}</Typography.Text>}
          dataSource={(review.consensusRounds ?? []).filter((r) => r.concludedAt)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scoring.round.none')} /> }}
          renderItem={(r) => (
            <List.Item data-testid="round">
              <Space orientation="vertical" size={2}>
                <Typography.Text>{t('scoring.round.line', { at: formatBeijing(r.calledAt), spread: r.spread, reason: r.reason })}</Typography.Text>
                <Typography.Text type="success">{t('scoring.round.outcome.line', { at: formatBeijing(r.concludedAt), outcome: r.outcome ?? '' })}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Flex>
    </Card>
  );
}

/**
 * The institution's view of one case (M8.1, M11.1): the application's facts, every expert's scores
 * by criterion with their comments, recusals with their reasons, the spread and the divergence
 * flag, consensus rounds (call with a reason, conclude with the outcome), and the review report
 * whose sign-off concludes the review (reports/review-report-section.tsx).
 */
export function InstitutionCasePage({ id }: { id: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = $api.useQuery('get', '/api/reviews/{id}/case', { params: { path: { id } } });
  const [dialog, setDialog] = useState<'call' | 'conclude' | null>(null);
  const review = q.data && !isRedacted(q.data) ? q.data : undefined;
  return (
    <LoadState {...queryState(q)} empty={!review} backTo={LIST}>
      {review && review.rules && (
        <Flex vertical gap="middle">
          <Card
            title={t('scoring.inst.title', { no: review.applicationNo })}
            extra={
              <Space>
                <Button onClick={() => void navigate(LIST)}>{t('common.back')}</Button>
                <Button onClick={() => void q.refetch()} loading={q.isFetching && !q.isPending}>{t('common.refresh')}</Button>
              </Space>
            }
          >
            <ReviewFacts review={review} />
          </Card>
          {review.withdrawal && (
            <Alert
              type="warning"
              showIcon
              data-testid="withdrawn"
              title={t('panel.withdrawn', { at: formatBeijing(review.withdrawal.withdrawnAt) })}
              description={review.withdrawal.reason ? t('panel.withdrawn.reason', { reason: review.withdrawal.reason }) : undefined}
            />
          )}
          <Card title={t('scoring.inst.scores')} data-testid="scores">
            <CriterionScoresTable
              rubric={review.rules.rubric}
              rows={(review.assignments ?? []).map((a) => ({ key: a.expertId, who: a.expertName, criterionScores: a.criterionScores, score: a.score, recommendation: a.recommendation, opinion: a.opinion }))}
              extra={[
                {
                  title: t('application.state'),
                  render: (row) => {
                    const a = (review.assignments ?? []).find((x) => x.expertId === row.key)!;
                    return (
                      <Space orientation="vertical" size={2}>
                        <StageTag assignment={a} />
                        {a.endReason && <Typography.Text type="secondary">{t('scoring.inst.endReason', { reason: a.endReason })}</Typography.Text>}
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Card>
          <DivergenceCard review={review} onCall={() => setDialog('call')} onConclude={() => setDialog('conclude')} />
          <InstitutionSiteVisits review={review} />
          <ReviewReportSection applicationId={id} />
          {review.result?.reviewedAt && (
            <Descriptions size="small" column={2} title={t('panel.result')} bordered>
              <Descriptions.Item label={t('panel.result.score')}>{t('panel.score.value', { score: review.result.score ?? 0 })}</Descriptions.Item>
              <Descriptions.Item label={t('panel.result.reviewedAt')}>{formatBeijing(review.result.reviewedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('panel.opinion')} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{review.result.opinion}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          )}
          {dialog === 'call' && <CallRoundDialog applicationId={id} spread={review.divergence?.spread ?? 0} threshold={review.divergence?.threshold ?? 0} onClose={() => setDialog(null)} />}
          {dialog === 'conclude' && <ConcludeRoundDialog applicationId={id} onClose={() => setDialog(null)} />}
        </Flex>
      )}
    </LoadState>
  );
}
