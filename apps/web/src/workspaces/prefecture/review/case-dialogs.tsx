import { App } from 'antd';
import type { FormalReviewSheet, ReviewCase } from '../../../shared/api/views';
import { useSession } from '../../../shared/auth/session';
import { useI18n } from '../../../shared/i18n/i18n';
import { DecisionSummary } from '../../../features/application-viewer/decision-summary';
import { ApproveDialog, DiscardDraftDialog, RecommendDialog, RejectDialog } from './decision-dialogs';
import { ReturnDialog } from './return-dialog';
import type { Dialog } from './decisions-card';

/**
 * The decision dialogs of the case: return, reject, recommend, and under two-step approval approve
 * or discard the draft. Each, once done, says what happened and hands the case as decided back.
 */
export function CaseDialogs({ sheet, dialog, onClose, onDecided, onIncomplete }: {
  sheet: FormalReviewSheet;
  dialog: Dialog | null;
  onClose(): void;
  onDecided(result: ReviewCase): void;
  onIncomplete(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { actor } = useSession();
  const c = sheet.case;
  const draft = c.draft ?? null;
  const drafter = !!draft && draft.draftedBy === actor?.userId;
  const applicable = sheet.items.filter((i) => i.applies);
  const decided = (result: ReviewCase, done: string) => {
    onClose();
    onDecided(result);
    message.success(result.draft && !draft ? t('review.drafted') : done);
  };
  return (
    <>
      <ReturnDialog review={c} checklist={applicable} conditions={sheet.conditions} open={dialog === 'return'} onCancel={onClose} onDone={(r) => decided(r, t('review.returned'))} />
      <RejectDialog review={c} open={dialog === 'reject'} onCancel={onClose} onDone={(r) => decided(r, t('review.rejected'))} />
      <RecommendDialog
        review={c}
        openItems={sheet.openItems.length}
        open={dialog === 'recommend'}
        onCancel={onClose}
        onDone={(r) => decided(r, t('review.recommended'))}
        onIncomplete={onIncomplete}
      />
      <ApproveDialog
        review={c}
        open={dialog === 'approve'}
        onCancel={onClose}
        onDone={(r) => decided(r, t('review.draft.approved'))}
        summary={draft?.payload ? <DecisionSummary decision={{ ...draft.payload, kind: draft.kind }} checklist={sheet.items} /> : null}
      />
      <DiscardDraftDialog
        review={c}
        asDrafter={drafter}
        open={dialog === 'discard'}
        onCancel={onClose}
        onDone={(r) => decided(r, drafter ? t('review.draft.withdrawnDone') : t('review.draft.sentBackDone'))}
      />
    </>
  );
}
