import { Alert, App, Flex, Form, Input, Modal, theme } from 'antd';
import { ReactNode, useState } from 'react';
import { ProblemError } from '../../../shared/api/client';
import { $api } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { DecisionModal, DialogProblem, DialogProps, MeasuresField } from './decision-modal';

interface RejectForm {
  reason?: string;
  measuresIds: string[];
}

/** Reject at preliminary review (final for the batch): the reason and the articles (M7.3, M12.1). */
export function RejectDialog({ review, open, onCancel, onDone }: DialogProps) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const [form] = Form.useForm<RejectForm>();
  const rejectIt = $api.useMutation('post', '/api/preliminary-review/applications/{id}/reject');
  const send = async (v: RejectForm) => {
    const body = { reason: (v.reason ?? '').trim(), measuresIds: v.measuresIds };
    onDone(await rejectIt.mutateAsync({ params: { path: { id: review.applicationId } }, body }));
  };
  return (
    <DecisionModal<RejectForm> open={open} titleKey="review.reject.title" okKey="review.reject" danger form={form} name="reject" onCancel={onCancel} send={send} initialValues={{ measuresIds: ['M7.3'] }}>
      <Alert type="warning" showIcon style={{ marginBottom: token.margin }} title={t('review.reject.warning')} />
      <Form.Item name="reason" label={t('review.reject.reason')} rules={[{ required: true, whitespace: true, message: t('review.reject.reason.required') }, { max: 2000 }]}>
        <Input.TextArea rows={4} placeholder={t('review.reject.reason.placeholder')} />
      </Form.Item>
      <MeasuresField />
    </DecisionModal>
  );
}

interface OpinionForm {
  opinion?: string;
}

/**
 * Recommend to the Department with the prefecture's opinion (M3.2, M7.3), saying what follows. A
 * refusal because the review is incomplete (M12.1) closes the dialog: the open items show at
 * their places on the review screen, not in here.
 */
export function RecommendDialog({ review, open, onCancel, onDone, openItems, onIncomplete }: DialogProps & { openItems: number; onIncomplete(): void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const [form] = Form.useForm<OpinionForm>();
  const recommendIt = $api.useMutation('post', '/api/preliminary-review/applications/{id}/recommend');
  const send = async (v: OpinionForm) => {
    const body = { opinion: (v.opinion ?? '').trim() };
    try {
      onDone(await recommendIt.mutateAsync({ params: { path: { id: review.applicationId } }, body }));
    } catch (err) {
      if (err instanceof ProblemError && err.problem.code === 'REVIEW_INCOMPLETE') return onIncomplete();
      throw err;
    }
  };
  return (
    <DecisionModal<OpinionForm> open={open} titleKey="review.recommend.title" okKey="review.recommend" form={form} name="recommend" onCancel={onCancel} send={send}>
      <Alert type="info" showIcon style={{ marginBottom: token.margin }} title={t('review.recommend.consequence')} />
      {openItems > 0 && <Alert type="warning" showIcon style={{ marginBottom: token.margin }} title={t('review.open.before', { count: openItems })} />}
      <Form.Item name="opinion" label={t('review.recommend.opinion')} rules={[{ required: true, whitespace: true, message: t('review.recommend.opinion.required') }, { max: 2000 }]}>
        <Input.TextArea rows={4} placeholder={t('review.recommend.opinion.placeholder')} />
      </Form.Item>
    </DecisionModal>
  );
}

interface ReasonForm {
  reason?: string;
}

/** Two-step approval, the other way out: the drafter withdraws, another officer sends back; with a reason. */
export function DiscardDraftDialog({ review, open, onCancel, onDone, asDrafter }: DialogProps & { asDrafter: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReasonForm>();
  const discard = $api.useMutation('post', '/api/preliminary-review/applications/{id}/discard-draft');
  const send = async (v: ReasonForm) => {
    const body = { reason: (v.reason ?? '').trim() };
    onDone(await discard.mutateAsync({ params: { path: { id: review.applicationId } }, body }));
  };
  return (
    <DecisionModal<ReasonForm>
      open={open}
      titleKey={asDrafter ? 'review.draft.withdraw.title' : 'review.draft.sendBack.title'}
      okKey={asDrafter ? 'review.draft.withdraw' : 'review.draft.sendBack'}
      danger
      form={form}
      name="discard-draft"
      onCancel={onCancel}
      send={send}
    >
      <Form.Item name="reason" label={t('review.draft.reason')} rules={[{ required: true, whitespace: true, message: t('review.draft.reason.required') }, { max: 2000 }]}>
        <Input.TextArea rows={3} placeholder={t(asDrafter ? 'review.draft.reason.withdrawPlaceholder' : 'review.draft.reason.sendBackPlaceholder')} />
      </Form.Item>
    </DecisionModal>
  );
}

/** Approving the drafted decision: a confirmation, the server's refusal shown in the dialog. */
export function ApproveDialog({ review, open, onCancel, onDone, summary }: DialogProps & { summary: ReactNode }) {
  const { t, title } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const { message } = App.useApp();
  const approveIt = $api.useMutation('post', '/api/preliminary-review/applications/{id}/approve');
  const approve = async () => {
    setProblem(null);
    try {
      onDone(await approveIt.mutateAsync({ params: { path: { id: review.applicationId } } }));
    } catch (err) {
      const text = err instanceof ProblemError ? title(err.problem.title) : title(String(err));
      setProblem(text);
      if (!(err instanceof ProblemError)) message.error(text);
    }
  };
  return (
    <Modal
      open={open}
      title={t('review.draft.approve.title')}
      onOk={() => void approve()}
      onCancel={() => {
        setProblem(null);
        onCancel();
      }}
      okText={t('review.draft.approve')}
      cancelText={t('common.cancel')}
      confirmLoading={approveIt.isPending}
      destroyOnHidden
    >
      <DialogProblem text={problem} />
      <Flex vertical gap="small">
        {t('review.draft.approve.confirm')}
        {summary}
      </Flex>
    </Modal>
  );
}
