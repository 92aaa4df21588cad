import { App, Form, Input, Modal, Select } from 'antd';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';
import type { SiteVisit } from '../../../features/site-visits/types';

interface Plan { visitOn: string; address: string; notice: string; memberExpertIds: string[] }

/** Today in Beijing, YYYY-MM-DD: a visit cannot be dated earlier (M8.2; the service checks again). */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Schedules a visit of the application, or revises a scheduled one from the version shown (a
 * stale revision is refused): date, place, notice, members from the panel (M8.2).
 */
export function VisitPlanDialog({ applicationId, panel, visit, onClose }: {
  applicationId: string;
  panel: Array<{ expertId: string; name: string }>;
  visit?: SiteVisit;
  onClose(): void;
}) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<Plan>();
  const onSuccess = () => invalidate('/api/reviews/{id}/site-visits');
  const schedule = $api.useMutation('post', '/api/reviews/{id}/site-visits', { onSuccess });
  const update = $api.useMutation('patch', '/api/site-visits/{visitId}', { onSuccess });
  const onFinish = async (plan: Plan) => {
    const body = { ...plan, address: plan.address.trim(), notice: plan.notice.trim() };
    try {
      if (visit) await update.mutateAsync({ params: { path: { visitId: visit.id } }, body: { ...body, expectedVersion: visit.version } });
      else await schedule.mutateAsync({ params: { path: { id: applicationId } }, body });
      message.success(t(visit ? 'siteVisit.updated' : 'siteVisit.scheduled'));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });
  return (
    <Modal
      open
      title={t(visit ? 'siteVisit.edit.title' : 'siteVisit.schedule.title')}
      okText={t(visit ? 'siteVisit.edit' : 'siteVisit.schedule')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={schedule.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="site-visit-plan"
        layout="vertical"
        onFinish={onFinish}
        initialValues={visit ? { visitOn: visit.visitOn, address: visit.address, notice: visit.notice, memberExpertIds: (visit.members ?? []).map((m) => m.expertId) } : { memberExpertIds: [] }}
      >
        <Form.Item name="visitOn" label={t('siteVisit.visitOn')} rules={[required(t('siteVisit.visitOn'))]}>
          <Input type="date" min={beijingToday()} />
        </Form.Item>
        <Form.Item name="address" label={t('siteVisit.address')} rules={[required(t('siteVisit.address')), { max: 300, message: t('siteVisit.max', { max: 300 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="notice" label={t('siteVisit.notice')} rules={[required(t('siteVisit.notice')), { max: 2000, message: t('siteVisit.max', { max: 2000 }) }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item
          name="memberExpertIds"
          label={t('siteVisit.members')}
          extra={t('siteVisit.members.help')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required', { label: t('siteVisit.members') }) }]}
        >
          <Select mode="multiple" options={panel.map((p) => ({ value: p.expertId, label: p.name }))} data-testid="visit-members" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
