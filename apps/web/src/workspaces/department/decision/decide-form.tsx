import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Radio, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { components } from '../../../shared/api/generated/schema';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { beijingToday } from '../../../shared/ui/beijing-time';
import { showProblem } from '../../../shared/ui/problem-form';
import { LoadState, queryState } from '../../../shared/ui/states';

type Candidate = components['schemas']['CandidateViewV1'];
type Outcome = 'selected' | 'not_selected';
interface Row { outcome?: Outcome; reason?: string }
interface Meeting { meetingRef: string; meetingOn: Dayjs; deliberation?: string }

/**
 * The Department decides every reviewed candidate of the batch (M9.1): 列入 or 不列入 per row, a
 * reason for each one not selected, the meeting's reference, date and notes; confirmed in a dialog.
 */
export function DecideForm({ batchId, readOnly }: { batchId: string; readOnly: boolean }) {
  const { t, tk, title } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Meeting>();
  const [rows, setRows] = useState<Record<string, Row>>({});
  const invalidate = useInvalidate();
  const candidates = $api.useQuery('get', '/api/decision-lists/candidates', { params: { query: { batchId } } });
  const deciding = $api.useMutation('post', '/api/decisions', { onSuccess: () => invalidate('/api/decision-lists/candidates', '/api/decision-lists') });
  const open = (candidates.data ?? []).filter((c) => c.state === 'REVIEWED');
  const set = (id: string, row: Row) => setRows((r) => ({ ...r, [id]: { ...r[id], ...row } }));
  const undecided = open.filter((c) => !rows[c.applicationId]?.outcome).length;
  const missingReason = open.some((c) => rows[c.applicationId]?.outcome === 'not_selected' && !rows[c.applicationId]?.reason?.trim());

  const submit = (m: Meeting) => {
    const decisions = open.map((c) => ({ applicationId: c.applicationId, outcome: rows[c.applicationId]!.outcome!, reason: rows[c.applicationId]?.reason?.trim() || undefined }));
    const selected = decisions.filter((d) => d.outcome === 'selected').length;
    modal.confirm({
      title: t('decide.confirm.title'),
      content: t('decide.confirm.body', { selected, notSelected: decisions.length - selected }),
      okText: t('decide.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deciding.mutateAsync({
            body: { batchId, meetingRef: m.meetingRef.trim(), meetingOn: m.meetingOn.format('YYYY-MM-DD'), deliberation: m.deliberation?.trim() ?? '', decisions },
          });
          message.success(t('decide.done'));
          setRows({});
          form.resetFields();
        } catch (err) {
          showProblem(err, title, message, form);
        }
      },
    });
  };

  return (
    <LoadState {...queryState(candidates)} empty={candidates.data ? open.length === 0 : undefined} emptyText={t('decide.none')}>
      <Flex vertical gap="middle">
        {!readOnly && (
          <div>
            <Button onClick={() => open.forEach((c) => set(c.applicationId, { outcome: 'selected' }))}>{t('decide.selectAll')}</Button>
          </div>
        )}
        <Table<Candidate>
          rowKey="applicationId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={open}
          columns={[
            { title: t('decide.applicationNo'), dataIndex: 'applicationNo' },
            { title: t('decide.enterprise'), render: (_, c) => c.enterprise.name },
            { title: t('decide.product'), render: (_, c) => <>{c.product.name}<br /><Typography.Text type="secondary">{tk('productKind', c.product.kind)}</Typography.Text></> },
            { title: t('decide.score'), dataIndex: 'score' },
            { title: t('decide.opinion'), dataIndex: 'opinion', width: 240 },
            {
              title: t('decide.outcome'),
              render: (_, c) => (
                <Radio.Group
                  disabled={readOnly}
                  aria-label={`${t('decide.outcome')} ${c.applicationNo}`}
                  value={rows[c.applicationId]?.outcome}
                  onChange={(e) => set(c.applicationId, { outcome: e.target.value as Outcome })}
                  options={[
                    { value: 'selected', label: t('decide.outcome.selected') },
                    { value: 'not_selected', label: t('decide.outcome.not_selected') },
                  ]}
                />
              ),
            },
            {
              title: t('decide.reason'),
              render: (_, c) =>
                rows[c.applicationId]?.outcome === 'not_selected' && (
                  <Input.TextArea
                    aria-label={`${t('decide.reason')} ${c.applicationNo}`}
                    autoSize
                    maxLength={2000}
                    status={rows[c.applicationId]?.reason?.trim() ? undefined : 'error'}
                    value={rows[c.applicationId]?.reason}
                    onChange={(e) => set(c.applicationId, { reason: e.target.value })}
                  />
                ),
            },
          ]}
        />
        {!readOnly && (
          <Form form={form} name="decision" layout="vertical" onFinish={submit} initialValues={{ meetingOn: beijingToday() }} style={{ maxWidth: 640 }}>
            <Form.Item name="meetingRef" label={t('decide.meetingRef')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('decide.meetingRef') }) }, { max: 200 }]}>
              <Input placeholder={t('decide.meetingRef.placeholder')} />
            </Form.Item>
            <Form.Item name="meetingOn" label={t('decide.meetingOn')} rules={[{ required: true, message: t('common.required', { label: t('decide.meetingOn') }) }]}>
              <DatePicker disabledDate={(d) => d.isAfter(beijingToday(), 'day')} needConfirm={false} />
            </Form.Item>
            <Form.Item name="deliberation" label={t('decide.deliberation')} rules={[{ max: 4000 }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            {undecided > 0 && <Alert type="info" showIcon title={t('decide.undecided', { count: undecided })} />}
            {missingReason && <Alert type="warning" showIcon title={t('decide.reason.required')} />}
            <Button type="primary" htmlType="submit" disabled={undecided > 0 || missingReason} loading={deciding.isPending} style={{ marginTop: 12 }}>
              {t('decide.submit')}
            </Button>
          </Form>
        )}
      </Flex>
    </LoadState>
  );
}
