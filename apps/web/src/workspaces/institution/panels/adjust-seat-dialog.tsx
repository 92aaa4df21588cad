import { App, Form, Modal, Select, Typography } from 'antd';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { showRefusalAt } from '../../../features/review-panel/refusal';
import type { PanelApplication, PanelCandidate } from './types';

/** Refusals about the chosen expert, shown under the field (the server checks again: M11.1, M11.2). */
const EXPERT_REFUSALS = ['EXPERT_CONFLICTED', 'EXPERT_UNAVAILABLE', 'EXPERT_DISQUALIFIED', 'EXPERT_WORK_SUSPENDED', 'EXPERT_AT_MAX_LOAD', 'EXPERT_ON_PANEL', 'EXPERT_ENDED_ON_CASE', 'EXPERT_NOT_IN_INSTITUTION'] as const;

export interface SeatTarget {
  runId: string;
  application: PanelApplication;
  /** The proposed expert being replaced; absent = an empty seat. */
  replace?: { expertId: string; expertName: string };
}

/**
 * One seat of a proposed panel: the pool's experts, the eligible ones first; a conflicted,
 * unavailable, disqualified or fully loaded expert is listed but cannot be chosen, with the reason.
 */
export function AdjustSeatDialog({ target, onClose }: { target: SeatTarget; onClose(): void }) {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ expertId: string }>();
  const invalidate = useInvalidate();
  const candidates = $api.useQuery('get', '/api/panels/runs/{id}/candidates', {
    params: { path: { id: target.runId }, query: { applicationId: target.application.applicationId } },
  });
  const adjust = $api.useMutation('post', '/api/panels/runs/{id}/seats', { onSuccess: () => invalidate('/api/panels', '/api/panels/runs/{id}/candidates') });
  const why = (c: PanelCandidate) => c.blockers.map((b) => (locale === 'en' ? b.en : b.zh)).join(locale === 'en' ? '; ' : '；');
  const onFinish = async ({ expertId }: { expertId: string }) => {
    try {
      await adjust.mutateAsync({
        params: { path: { id: target.runId } },
        body: { applicationId: target.application.applicationId, expertId, ...(target.replace ? { replaceExpertId: target.replace.expertId } : {}) },
      });
      message.success(t('panels.adjust.done', { name: candidates.data?.find((c) => c.expertId === expertId)?.name ?? '' }));
      onClose();
    } catch (err) {
      showRefusalAt(err, EXPERT_REFUSALS, 'expertId', form, title, message);
    }
  };
  return (
    <Modal
      open
      title={t('panels.adjust.title', { no: target.application.applicationNo })}
      okText={t('panels.adjust.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={adjust.isPending}
      destroyOnHidden
    >
      {target.replace && <Typography.Paragraph>{t('panels.adjust.replacing', { name: target.replace.expertName })}</Typography.Paragraph>}
      <Form form={form} name="adjust-seat" layout="vertical" onFinish={onFinish}>
        <Form.Item name="expertId" label={t('panels.adjust.expert')} rules={[{ required: true, message: t('common.required', { label: t('panels.adjust.expert') }) }]}>
          <Select
            showSearch={{ optionFilterProp: 'name' }}
            placeholder={t('panels.adjust.placeholder')}
            loading={candidates.isPending}
            options={(candidates.data ?? []).map((c) => ({
              value: c.expertId,
              name: c.name,
              disabled: !c.eligible,
              // A string label: the select's hidden accessible list reads it (a node would show the id).
              label: `${c.name}${c.fieldMatch ? `（${t('panels.seat.match')}）` : ''} · ${t('panels.adjust.load', { load: c.load })}${c.eligible ? '' : ` — ${why(c)}`}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
