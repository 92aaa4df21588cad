import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, List, Space, Tag, Typography, Upload } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { LoadState, queryState } from '../../shared/ui/states';
import { EVIDENCE_ACCEPT } from './evidence-upload';
import { ANSWER_MAX_FILES, useAnswerFileUpload } from './objection-files';
import type { PartyInquiry } from './types';

/** The files of an answer: listed, and while it is not sent, added one at a time (up to 5). */
function AnswerFiles({ inquiry }: { inquiry: PartyInquiry }) {
  const { t } = useI18n();
  const upload = useAnswerFileUpload();
  const [busy, setBusy] = useState(false);
  const full = inquiry.attachments.length >= ANSWER_MAX_FILES;
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{t('inquiries.files')}：</Typography.Text>
      {inquiry.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('inquiries.files.none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={0} data-testid="answer-files">
          {inquiry.attachments.map((a) => <Typography.Text key={a.sha256}>{`${a.fileName}（${Math.ceil(a.size / 1024)} KB）`}</Typography.Text>)}
        </Space>
      )}
      {!inquiry.answer && (
        <Flex gap="small" align="center" wrap>
          <Upload
            accept={EVIDENCE_ACCEPT}
            showUploadList={false}
            disabled={full}
            beforeUpload={(file) => {
              setBusy(true);
              void upload(inquiry.id, file).finally(() => setBusy(false));
              return false;
            }}
          >
            <Button size="small" loading={busy} disabled={full} data-testid="answer-file-upload">{t('inquiries.files.upload')}</Button>
          </Upload>
          <Typography.Text type="secondary">{t('inquiries.files.help')}</Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}

/** The answer to one open question, confirmed before it is sent (it cannot be changed after). */
function AnswerForm({ inquiry }: { inquiry: PartyInquiry }) {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const invalidate = useInvalidate();
  const answering = $api.useMutation('post', '/api/objection-inquiries/{id}/answer');
  const onFinish = (v: { answer: string }) =>
    modal.confirm({
      title: t('inquiries.answer.confirm'),
      okText: t('inquiries.answer.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await answering.mutateAsync({ params: { path: { id: inquiry.id } }, body: { answer: v.answer.trim() } });
          message.success(t('objections.saved'));
          await invalidate('/api/objection-inquiries');
        } catch (err) {
          showProblem(err, title, message, form);
        }
      },
    });
  return (
    <Form form={form} name={`answer-${inquiry.id}`} layout="vertical" onFinish={onFinish}>
      <Form.Item name="answer" label={t('inquiries.answer')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('inquiries.answer') }) }]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answering.isPending}>{t('inquiries.answer.submit')}</Button>
    </Form>
  );
}

/** One question: the entry, the objection's grounds (never the objector), the due date, and the answer. */
function InquiryCard({ inquiry: i }: { inquiry: PartyInquiry }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={`${i.entry.applicationNo} · ${i.entry.enterpriseName} · ${i.entry.productName}（${i.entry.model}）`} extra={<Tag color={i.answer ? 'success' : 'warning'}>{i.answer ? t('inquiries.answered') : t('inquiries.open')}</Tag>}>
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t('objections.inquiry.due', { dueOn: i.dueOn })}</Typography.Text>
        <div><Typography.Text strong>{t('inquiries.grounds')}：</Typography.Text><Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{i.grounds}</Typography.Text></div>
        <div><Typography.Text strong>{t('inquiries.question')}：</Typography.Text><Typography.Text>{i.question}</Typography.Text></div>
        {i.answer ? <div><Typography.Text strong>{t('inquiries.answer')}：</Typography.Text><Typography.Text>{i.answer}</Typography.Text></div> : <AnswerForm inquiry={i} />}
        <AnswerFiles inquiry={i} />
      </Flex>
    </Card>
  );
}

/**
 * 异议核查: the questions the Department put to the caller's prefecture, institution or enterprise
 * while investigating objections (ADR 0025), open ones first; the same page in each console.
 */
export function PartyInquiriesPage() {
  const { t } = useI18n();
  const inquiries = $api.useQuery('get', '/api/objection-inquiries');
  return (
    <Card title={t('inquiries.title')}>
      <Typography.Paragraph type="secondary">{t('inquiries.intro')}</Typography.Paragraph>
      <LoadState {...queryState(inquiries)}>
        {inquiries.data && (inquiries.data.length === 0 ? <Empty description={t('inquiries.empty')} /> : (
          <List dataSource={inquiries.data} renderItem={(i) => <List.Item><div style={{ width: '100%' }}><InquiryCard inquiry={i} /></div></List.Item>} data-testid="party-inquiries" />
        ))}
      </LoadState>
    </Card>
  );
}
