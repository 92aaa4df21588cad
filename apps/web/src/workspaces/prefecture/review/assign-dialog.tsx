import { App, Form, Modal, Select, Typography } from 'antd';
import { $api } from '../../../shared/api/query';
import type { ReviewCase } from '../../../shared/api/views';
import { useSession } from '../../../shared/auth/session';
import { showProblem } from '../../../shared/ui/problem-form';
import { useI18n } from '../../../shared/i18n/i18n';

export interface Officer {
  userId: string;
  displayName: string | null;
}

/** The prefecture's officers: names behind the user ids on the case, and whom to assign it to. */
export function useOfficers() {
  return $api.useQuery('get', '/api/preliminary-review/officers');
}

/** An officer in words: the user themself, another officer by name when the prefecture's list knows them, else "another officer". */
export function useWho(officers: readonly Officer[] | undefined) {
  const { t } = useI18n();
  const { actor } = useSession();
  const me = actor?.userId;
  return (userId: string | null | undefined, name?: string | null) => {
    if (!userId) return t('review.nobody');
    if (userId === me) return t('review.me', { name: actor?.displayName ?? userId });
    return name ?? officers?.find((o) => o.userId === userId)?.displayName ?? t('review.otherOfficer');
  };
}

/** Assigns the case to an officer of the own prefecture (the server refuses anyone else). */
export function AssignDialog({ applicationId, officers, current, onClose, onAssigned }: {
  applicationId: string;
  officers: readonly Officer[];
  current: string | null;
  onClose(): void;
  onAssigned(result: ReviewCase): void;
}) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assigneeId: string }>();
  const assign = $api.useMutation('post', '/api/preliminary-review/applications/{id}/assign');
  const onFinish = async ({ assigneeId }: { assigneeId: string }) => {
    try {
      const result = await assign.mutateAsync({ params: { path: { id: applicationId } }, body: { assigneeId } });
      message.success(t('review.assign.done'));
      onAssigned(result);
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal open title={t('review.assign')} onOk={() => form.submit()} onCancel={onClose} okText={t('review.assign')} cancelText={t('common.cancel')} confirmLoading={assign.isPending}>
      <Typography.Paragraph type="secondary">{t('review.assign.help')}</Typography.Paragraph>
      <Form form={form} name="assign" layout="vertical" onFinish={onFinish} initialValues={{ assigneeId: current ?? undefined }}>
        <Form.Item name="assigneeId" label={t('review.assign.to')} rules={[{ required: true, message: t('review.assign.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('review.assign.placeholder')}
            options={officers.map((o) => ({ value: o.userId, label: o.displayName ?? o.userId }))}
            notFoundContent={t('review.assign.none')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
