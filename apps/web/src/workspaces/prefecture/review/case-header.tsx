import { App, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { $api } from '../../../shared/api/query';
import type { ReviewCase } from '../../../shared/api/views';
import { useSession } from '../../../shared/auth/session';
import { showProblem } from '../../../shared/ui/problem-form';
import { PolicyProfileName, usePolicyProfiles } from '../../../features/policy-profiles/policy-profiles';
import { useI18n } from '../../../shared/i18n/i18n';
import { fieldName } from '../../../features/application-viewer/review-format';
import { formatBeijing } from '../../../shared/ui/beijing-time';

/** Who handles the case; the officer claims it or assigns it. */
function Assignee({ review, reviewable, who, onAssign, onClaimed }: {
  review: ReviewCase;
  reviewable: boolean;
  who(userId: string | null | undefined): string;
  onAssign(): void;
  onClaimed(result: ReviewCase): void;
}) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const { actor } = useSession();
  const claim = $api.useMutation('post', '/api/preliminary-review/applications/{id}/claim');
  const onClaim = async () => {
    try {
      onClaimed(await claim.mutateAsync({ params: { path: { id: review.applicationId } } }));
      message.success(t('review.claimed'));
    } catch (err) {
      showProblem(err, title, message);
    }
  };
  return (
    <Space wrap>
      <span data-testid="review-assignee">{who(review.assigneeId)}</span>
      {reviewable && review.assigneeId !== actor?.userId && (
        <Button size="small" onClick={() => void onClaim()} loading={claim.isPending}>{t('review.claim')}</Button>
      )}
      {reviewable && (
        <Button size="small" data-testid="review-assign" onClick={onAssign}>
          {t('review.assign')}
        </Button>
      )}
    </Space>
  );
}

/** The applicant and the product, the state, the waiting time and who handles the case. */
export function CaseHeader({ review: c, reviewable, who, onRefresh, onAssign, onChanged }: {
  review: ReviewCase;
  reviewable: boolean;
  who(userId: string | null | undefined): string;
  onRefresh(): void;
  onAssign(): void;
  onChanged(result: ReviewCase): void;
}) {
  const { t, tk, locale } = useI18n();
  const navigate = useNavigate();
  const profiles = usePolicyProfiles();
  return (
    <Card
      title={
        <Space wrap>
          <span>{t('review.title', { no: c.applicationNo })}</span>
          <Tag color="processing" data-testid="review-state">{tk('state', c.state, c.stateLabel.zh)}</Tag>
          {c.resubmitted && <Tag color="orange" data-testid="review-resubmitted">{t('review.resubmitted', { version: c.applicationVersion })}</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          <Button onClick={() => void navigate('/prefecture/queue')}>{t('review.backToQueue')}</Button>
          <Button onClick={onRefresh}>{t('common.refresh')}</Button>
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, md: 2, xxl: 3 }} size="small" bordered>
        <Descriptions.Item label={t('queue.enterprise')}>{c.enterprise.name}</Descriptions.Item>
        <Descriptions.Item label={t('review.uscc')}>{c.enterprise.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('review.address')}>{c.enterprise.registeredAddress}</Descriptions.Item>
        <Descriptions.Item label={t('application.productName')}>{c.product.name}</Descriptions.Item>
        <Descriptions.Item label={t('application.productKind')}>{tk('productKind', c.product.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('review.catalogueField')}>
          {c.product.catalogueEntryCode ? `${fieldName(c.product.catalogueEntryCode, locale)}（${c.product.catalogueEntryCode}）` : t('review.field.notChosen')}
        </Descriptions.Item>
        <Descriptions.Item label={t('application.series')}>{c.product.series}</Descriptions.Item>
        <Descriptions.Item label={t('application.model')}>{c.product.model}</Descriptions.Item>
        <Descriptions.Item label={t('application.rdCompletedOn')}>{c.product.rdCompletedOn}</Descriptions.Item>
        <Descriptions.Item label={t('queue.receivedAt')}>{formatBeijing(c.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.profile')}>
          <PolicyProfileName id={c.policyProfile.id} version={c.policyProfile.version} profiles={profiles.data} />
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.waiting')}>
          <span data-testid="review-waiting">{t('common.days', { days: c.waitingDays })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('review.assignee')}>
          <Assignee review={c} reviewable={reviewable} who={who} onAssign={onAssign} onClaimed={onChanged} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
