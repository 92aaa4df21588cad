import { Alert, App, Button, Card, Flex, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { EvidenceHelp, EvidenceUploadButton } from '../../features/site-visits/evidence-parts';
import type { SiteFinding, SiteVisit } from '../../features/site-visits/types';
import { SiteVisitCard } from '../../features/site-visits/visit-card';

/** Until the prefecture's recommendation reaches the comprehensive review there is no visit to ask about. */
const BEFORE_REVIEW = new Set(['DRAFT', 'SUBMITTED', 'RETURNED_FOR_CORRECTION', 'RESUBMITTED', 'WITHDRAWN', 'REJECTED_AT_PRELIMINARY_REVIEW', 'RECOMMENDED']);

/** The applicant answers one finding of a concluded visit, once (M8.2); attachments go first. */
function AnswerDialog({ visit, finding, onClose }: { visit: SiteVisit; finding: SiteFinding; onClose(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = $api.useMutation('post', '/api/site-visits/{visitId}/findings/{findingId}/answer', { onSuccess: () => invalidate('/api/applications/{id}/site-visits') });
  const onFinish = async (v: { answer: string }) => {
    try {
      await answer.mutateAsync({ params: { path: { visitId: visit.id, findingId: finding.id } }, body: { answer: v.answer.trim() } });
      message.success(t('siteVisit.answer.saved'));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal open title={t('siteVisit.answer.title', { no: finding.itemNo })} okText={t('siteVisit.answer.submit')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={answer.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{finding.item}：{finding.description}</Typography.Paragraph>
      <Typography.Paragraph>{t('siteVisit.answer.lead')}</Typography.Paragraph>
      <Form form={form} name="site-finding-answer" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="answer"
          label={t('siteVisit.answer.text')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('siteVisit.answer.text') }) }, { max: 4000, message: t('siteVisit.max', { max: 4000 }) }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The application's on-site verifications for the applicant (M8.2): the notice (date, place, what
 * to prepare, how many experts come — not who); once concluded, the findings with an answer each.
 * Nothing shows before the institution schedules a visit.
 */
export function ApplicantSiteVisits({ applicationId, state }: { applicationId: string; state: string }) {
  const { t } = useI18n();
  const q = $api.useQuery('get', '/api/applications/{id}/site-visits', { params: { path: { id: applicationId } } }, { enabled: !BEFORE_REVIEW.has(state) });
  const [answering, setAnswering] = useState<{ visit: SiteVisit; finding: SiteFinding } | null>(null);
  if (!q.data?.length) return null;
  const actions = (v: SiteVisit) =>
    v.status === 'concluded'
      ? (f: SiteFinding) =>
          f.answeredAt ? null : (
            <Space orientation="vertical" size={4}>
              <EvidenceUploadButton visitId={v.id} findingId={f.id} />
              <Button size="small" type="primary" onClick={() => setAnswering({ visit: v, finding: f })}>{t('siteVisit.answer.write')}</Button>
            </Space>
          )
      : undefined;
  return (
    <Card title={t('siteVisit.applicant.notice')} data-testid="site-visits">
      <Flex vertical gap="middle">
        <Alert type="info" showIcon title={t('siteVisit.applicant.lead')} />
        {q.data.map((v) => (
          <SiteVisitCard key={v.id} visit={v} findingActions={actions(v)} footer={v.status === 'concluded' && v.findings.some((f) => !f.answeredAt) ? <EvidenceHelp /> : undefined} />
        ))}
      </Flex>
      {answering && <AnswerDialog visit={answering.visit} finding={answering.finding} onClose={() => setAnswering(null)} />}
    </Card>
  );
}
