import { Alert, Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { CriterionScoresTable } from '../../features/review-panel/criterion-scores';
import { StageTag } from '../../features/review-panel/review-parts';
import { isRedacted } from '../../features/review-panel/types';
import type { AssignmentView, ExpertReviewRow, ReviewRules, ReviewView } from '../../features/review-panel/types';
import { ApplicationRead } from './application-read';
import { ExpertSiteVisits } from './expert-site-visits';
import { RecusalDialog } from './recusal-dialog';
import { RubricForm } from './rubric-form';
import { UndertakingDialog } from './undertaking-dialog';

const LIST = '/expert/assignments';

/** The expert's own scores, and the other panel members' (anonymous) once their own are in (M11.1). */
function Scores({ review, rules }: { review: ReviewView; rules: ReviewRules }) {
  const { t } = useI18n();
  const mine = review.myAssignment!;
  const peers = review.peerScores ?? [];
  return (
    <Card title={t('scoring.case.scores')} data-testid="scores">
      <Flex vertical gap="middle">
        <CriterionScoresTable
          rubric={rules.rubric}
          rows={[
            { key: 'mine', who: t('scoring.case.mine'), criterionScores: mine.criterionScores, score: mine.score, recommendation: mine.recommendation, opinion: mine.opinion },
            ...peers.map((p) => ({ key: `peer-${p.ordinal}`, who: t('scoring.case.peer', { n: p.ordinal }), criterionScores: p.criterionScores, score: p.score, recommendation: p.recommendation, opinion: p.opinion })),
          ]}
        />
        <Typography.Text type="secondary">{t(peers.length ? 'scoring.case.peers.shown' : 'scoring.case.peers.none')}</Typography.Text>
      </Flex>
    </Card>
  );
}

/** Before acceptance (or after the assignment ended): the number and kind, and what the expert may do. */
function NotOpen({ row, onSign, onRecuse }: { row: ExpertReviewRow; onSign(): void; onRecuse(): void }) {
  const { t } = useI18n();
  const a = row.myAssignment!;
  if (a.status !== 'active') {
    return (
      <Result
        status="warning"
        title={t(`scoring.case.ended.${a.status === 'recused' ? 'recused' : 'excluded'}`)}
        subTitle={t('scoring.case.ended.reason', { reason: a.endReason ?? t('scoring.none'), at: formatBeijing(a.endedAt) })}
      />
    );
  }
  return (
    <Result
      status="info"
      title={t('scoring.case.locked')}
      subTitle={t('scoring.case.locked.detail')}
      extra={
        <Space>
          <Button type="primary" onClick={onSign}>{t('scoring.case.sign')}</Button>
          <Button danger onClick={onRecuse}>{t('scoring.recusal.open')}</Button>
        </Space>
      }
    />
  );
}

/**
 * One assignment of the expert (M8.1, M11.1): the undertaking with the conflict confirmation
 * before anything of the application shows; then the whole application, its versions and every
 * material in the viewer; the rubric scoring with its confirmation; recusal before scoring; and
 * the other experts' scores once the expert's own are in. Another expert's case is "not found".
 */
export function ExpertCasePage({ id }: { id: string }) {
  const { t, tk } = useI18n();
  const navigate = useNavigate();
  const q = $api.useQuery('get', '/api/reviews/{id}/case', { params: { path: { id } } });
  const [dialog, setDialog] = useState<'sign' | 'recuse' | null>(null);
  const row = q.data;
  const rules = row?.rules;
  const mine: AssignmentView | undefined = row?.myAssignment;
  const full = row && !isRedacted(row) ? row : null;
  const active = mine?.status === 'active';
  const revising = !!full?.consensusRoundOpen && !!mine?.scoredAt;
  const scoring = !!full && active && (!mine?.scoredAt || revising);
  return (
    <LoadState {...queryState(q)} empty={!row} backTo={LIST}>
      {row && mine && rules && (
        <Flex vertical gap="middle">
          <Card
            title={t('scoring.case.title', { no: row.applicationNo })}
            extra={
              <Space>
                <Button onClick={() => void navigate(LIST)}>{t('common.back')}</Button>
                {full && active && !mine.scoredAt && <Button danger onClick={() => setDialog('recuse')}>{t('scoring.recusal.open')}</Button>}
              </Space>
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('application.productKind')}>{tk('productKind', row.product.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('scoring.case.stage')}><StageTag assignment={mine} /></Descriptions.Item>
              <Descriptions.Item label={t('panel.assignedAt')}>{formatBeijing(mine.assignedAt)}</Descriptions.Item>
              {mine.acceptedAt && (
                <Descriptions.Item label={t('scoring.case.signed')}>
                  {t('scoring.case.signed.value', { at: formatBeijing(mine.acceptedAt), version: mine.undertakingVersion ?? '' })}
                </Descriptions.Item>
              )}
              {mine.noConflictConfirmedAt && <Descriptions.Item label={t('scoring.case.noConflict')}><Tag color="green">{formatBeijing(mine.noConflictConfirmedAt)}</Tag></Descriptions.Item>}
            </Descriptions>
          </Card>

          {!full && <NotOpen row={row} onSign={() => setDialog('sign')} onRecuse={() => setDialog('recuse')} />}

          {full && (
            <>
              {revising && <Alert type="warning" showIcon title={t('scoring.case.round.open')} data-testid="round-open" />}
              <ApplicationRead review={full} />
              <ExpertSiteVisits applicationId={id} />
              {mine.scoredAt && <Scores review={full} rules={rules} />}
              {scoring && (
                <RubricForm key={mine.scoredAt ?? 'new'} applicationId={id} rules={rules} revising={revising} initial={revising ? mine : undefined} onDone={() => void q.refetch()} />
              )}
            </>
          )}

          {dialog === 'sign' && (
            <UndertakingDialog applicationId={id} applicationNo={row.applicationNo} rules={rules} onClose={() => setDialog(null)} onDone={() => { setDialog(null); void q.refetch(); }} />
          )}
          {dialog === 'recuse' && (
            <RecusalDialog applicationId={id} applicationNo={row.applicationNo} onClose={() => setDialog(null)} onDone={() => { setDialog(null); void q.refetch(); }} />
          )}
        </Flex>
      )}
    </LoadState>
  );
}
