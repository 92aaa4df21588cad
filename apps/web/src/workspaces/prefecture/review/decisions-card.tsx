import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import type { ChecklistItem, OpenReviewItem, ReviewCase } from '../../../shared/api/views';
import { useSession } from '../../../shared/auth/session';
import { useI18n } from '../../../shared/i18n/i18n';
import { DecisionSummary } from '../../../features/application-viewer/decision-summary';
import { formatBeijing } from '../../../shared/ui/beijing-time';

export type Dialog = 'return' | 'reject' | 'recommend' | 'approve' | 'discard';

/** A decision drafted under two-step approval: another officer approves or sends it back; the drafter may withdraw it. */
function DraftPending({ review, checklist, who, onDialog }: { review: ReviewCase; checklist: ChecklistItem[]; who(userId: string | null): string; onDialog(d: Dialog): void }) {
  const { t } = useI18n();
  const { actor } = useSession();
  const draft = review.draft!;
  const drafter = draft.draftedBy === actor?.userId;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="review-draft"
      title={t('review.draft.pending', { who: who(draft.draftedBy), at: formatBeijing(draft.draftedAt) })}
      description={
        <Flex vertical gap="small">
          {draft.payload && <DecisionSummary decision={{ ...draft.payload, kind: draft.kind }} checklist={checklist} />}
          <Typography.Text type="secondary">{drafter ? t('review.draft.mine') : t('review.draft.others')}</Typography.Text>
          <Space wrap>
            {!drafter && (
              <Button type="primary" onClick={() => onDialog('approve')}>{t('review.draft.approve')}</Button>
            )}
            <Button danger onClick={() => onDialog('discard')}>{drafter ? t('review.draft.withdraw') : t('review.draft.sendBack')}</Button>
          </Space>
        </Flex>
      }
    />
  );
}

/** The decisions on the case (M7.3): return, reject, recommend; under two-step approval, the draft waiting and why one was discarded. */
export function DecisionsCard({ review: c, checklist, reviewable, twoStep, open, who, onDialog }: {
  review: ReviewCase;
  checklist: ChecklistItem[];
  reviewable: boolean;
  twoStep: boolean;
  /** The open items shown after a refused recommendation (M12.1). */
  open: OpenReviewItem[];
  who(userId: string | null, name?: string | null): string;
  onDialog(d: Dialog): void;
}) {
  const { t, tk } = useI18n();
  const { actor } = useSession();
  const me = actor?.userId;
  const draft = c.draft ?? null;
  const discarded = c.draftDiscarded;
  return (
    <Card title={t('review.decisions.title')} data-testid="review-decisions">
      <Flex vertical gap="small">
        {twoStep && reviewable && !draft && <Alert type="info" showIcon title={t('review.twoStep.on')} />}
        {draft && <DraftPending review={c} checklist={checklist} who={who} onDialog={onDialog} />}
        {!draft && discarded && reviewable && (
          <Alert
            type={discarded.draftedBy === me ? 'error' : 'info'}
            showIcon
            data-testid="review-draft-discarded"
            title={t(discarded.how !== 'SENT_BACK_BY_APPROVER' ? 'review.draft.withdrawn' : discarded.draftedBy === me ? 'review.draft.sentBack' : 'review.draft.sentBackOther', {
              kind: tk('review.decision.kind', discarded.kind),
              who: who(discarded.by, discarded.byName),
              at: formatBeijing(discarded.at),
            })}
            description={t('review.draft.discardReason', { reason: discarded.reason })}
          />
        )}
        {reviewable && open.length > 0 && (
          <Alert type="error" showIcon role="alert" data-testid="review-open-items" title={t('review.open.title', { count: open.length })} description={t('review.open.hint')} />
        )}
        {reviewable && !draft && (
          <Space wrap>
            <Button onClick={() => onDialog('return')}>{t('review.return')}</Button>
            <Button danger onClick={() => onDialog('reject')}>{t('review.reject')}</Button>
            <Button type="primary" onClick={() => onDialog('recommend')}>{t('review.recommend')}</Button>
          </Space>
        )}
        {!reviewable && <Typography.Text type="secondary">{t('review.decisions.closed', { state: tk('state', c.state, c.stateLabel.zh) })}</Typography.Text>}
      </Flex>
    </Card>
  );
}
