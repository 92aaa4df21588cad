import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { beijingToday, formatBeijing } from '../../../shared/ui/beijing-time';
import { showProblem } from '../../../shared/ui/problem-form';
import { LoadState, queryState } from '../../../shared/ui/states';

/** The Department publishes a decided list (M9.2) from a publication date of today or later. */
function PublishDialog({ listId, decidedOn, onClose }: { listId: string; decidedOn: string; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ publicationDate: Dayjs }>();
  const invalidate = useInvalidate();
  const publishing = $api.useMutation('post', '/api/decision-lists/{id}/publish', { onSuccess: () => invalidate('/api/decision-lists', '/api/public/notices') });
  const earliest = beijingToday().format('YYYY-MM-DD') > decidedOn ? beijingToday().format('YYYY-MM-DD') : decidedOn;
  const onFinish = async (v: { publicationDate: Dayjs }) => {
    try {
      const p = await publishing.mutateAsync({ params: { path: { id: listId } }, body: { publicationDate: v.publicationDate.format('YYYY-MM-DD') } });
      message.success(t('decide.publish.done', { start: p.startDate, end: p.endDate }));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal open title={t('decide.publish.title')} onOk={() => form.submit()} onCancel={onClose} okText={t('decide.publish')} cancelText={t('common.cancel')} confirmLoading={publishing.isPending}>
      <Form form={form} name="publish" layout="vertical" onFinish={onFinish} initialValues={{ publicationDate: beijingToday() }}>
        <Form.Item name="publicationDate" label={t('decide.publish.date')} extra={t('decide.publish.hint')} rules={[{ required: true, message: t('common.required', { label: t('decide.publish.date') }) }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < earliest} needConfirm={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The Department withdraws a list not yet published (M9.1, ADR 0025): with a reason, after saying
 * what follows; its candidates come back to be decided again, the list stays on record withdrawn.
 */
function WithdrawDialog({ listId, version, onClose }: { listId: string; version: number; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const invalidate = useInvalidate();
  const withdrawing = $api.useMutation('post', '/api/decision-lists/{id}/withdraw', { onSuccess: () => invalidate('/api/decision-lists', '/api/decision-lists/candidates') });
  const onFinish = async (v: { reason: string }) => {
    try {
      await withdrawing.mutateAsync({ params: { path: { id: listId } }, body: { expectedVersion: version, reason: v.reason } });
      message.success(t('decide.withdraw.done'));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal
      open
      title={t('decide.withdraw.title')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('decide.withdraw.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={withdrawing.isPending}
    >
      <Alert type="warning" showIcon message={t('decide.withdraw.body')} style={{ marginBottom: 16 }} />
      <Form form={form} name="withdraw-list" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('decide.withdraw.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('decide.withdraw.reason') }) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The batch's decided lists: the deliberation record, the frozen list's hash, 公示 or 撤回 for one still decided. */
export function DecidedLists({ batchId, readOnly }: { batchId: string; readOnly: boolean }) {
  const { t, tk } = useI18n();
  const [publishing, setPublishing] = useState<{ id: string; decidedOn: string }>();
  const [withdrawing, setWithdrawing] = useState<{ id: string; version: number }>();
  const lists = $api.useQuery('get', '/api/decision-lists', { params: { query: { batchId } } });
  return (
    <LoadState {...queryState(lists)}>
      <Flex vertical gap="small">
        {(lists.data ?? []).map((l) => (
          <Card
            key={l.id}
            size="small"
            title={<>{l.decidedOn} <Tag>{tk('decision.status', l.status)}</Tag></>}
            extra={
              !readOnly &&
              l.status === 'DECIDED' && (
                <Space>
                  <Button danger onClick={() => setWithdrawing({ id: l.id, version: l.version })}>{t('decide.withdraw')}</Button>
                  <Button type="primary" onClick={() => setPublishing({ id: l.id, decidedOn: l.decidedOn })}>{t('decide.publish')}</Button>
                </Space>
              )
            }
          >
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('decide.meetingRef')}>{l.meetingOn ? t('decide.list.meeting', { ref: l.meetingRef, date: l.meetingOn }) : l.meetingRef || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('decide.list.decidedBy')}>{l.decidedByName || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('decide.lists')}>{t('decide.list.entries', { count: l.entryCount })}</Descriptions.Item>
              <Descriptions.Item label={t('decide.list.hash')}>
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{l.contentHash || '—'}</Typography.Text>
              </Descriptions.Item>
              {l.withdrawal && (
                <Descriptions.Item label={t('decide.withdraw.record')} span={2}>
                  {t('decide.withdraw.recordText', { by: l.withdrawal.byName, at: formatBeijing(l.withdrawal.at), reason: l.withdrawal.reason })}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        ))}
      </Flex>
      {withdrawing && <WithdrawDialog listId={withdrawing.id} version={withdrawing.version} onClose={() => setWithdrawing(undefined)} />}
      {publishing && <PublishDialog listId={publishing.id} decidedOn={publishing.decidedOn} onClose={() => setPublishing(undefined)} />}
    </LoadState>
  );
}
