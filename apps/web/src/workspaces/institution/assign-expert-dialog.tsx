import { App, Form, Modal, Select, Spin } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showRefusalAt } from '../../features/review-panel/refusal';
import type { ReviewView } from '../../features/review-panel/types';

/** Refusals about the chosen expert, shown under the field. */
const EXPERT_REFUSALS = ['EXPERT_NOT_IN_INSTITUTION', 'EXPERT_DISQUALIFIED', 'EXPERT_WORK_SUSPENDED', 'ALREADY_ASSIGNED'] as const;

/** An assignment adds an expert to the case's list (and to the expert's tasks). */
function useAssignExpert() {
  const invalidate = useInvalidate();
  return $api.useMutation('post', '/api/reviews/{id}/assignments', {
    onSuccess: () => invalidate('/api/reviews/search', '/api/reviews'),
  });
}

/**
 * The institution assigns an expert of its own pool (searched on the server, a page at a time);
 * disqualified experts are shown but cannot be chosen (M11.2), nor one already assigned.
 */
export function AssignExpertDialog({ review, onClose, onAssigned }: { review: ReviewView; onClose(): void; onAssigned(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ expertId: string }>();
  // What is typed into the select: the search box of a dialog, not worth a URL.
  const [search, setSearch] = useState('');
  const pool = $api.useQuery('get', '/api/experts', { params: { query: { search: search || undefined, pageSize: 20 } } }, { placeholderData: keepPreviousData });
  const assign = useAssignExpert();
  const assigned = new Set((review.assignments ?? []).map((a) => a.expertId));
  const onFinish = async ({ expertId }: { expertId: string }) => {
    try {
      const a = await assign.mutateAsync({ params: { path: { id: review.applicationId } }, body: { expertId } });
      message.success(t('institution.assign.done', { name: a.expertName }));
      onAssigned();
    } catch (err) {
      showRefusalAt(err, EXPERT_REFUSALS, 'expertId', form, title, message);
    }
  };
  return (
    <Modal
      open
      title={t('institution.assign.title', { no: review.applicationNo })}
      okText={t('institution.assign')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      <Form form={form} name="assign-expert" layout="vertical" onFinish={onFinish}>
        <Form.Item name="expertId" label={t('institution.assign.expert')} rules={[{ required: true, message: t('common.required', { label: t('institution.assign.expert') }) }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim()) }}
            placeholder={t('institution.assign.placeholder')}
            notFoundContent={pool.isFetching ? <Spin size="small" /> : undefined}
            loading={pool.isFetching}
            options={(pool.data?.items ?? []).map((e) => ({
              value: e.id,
              disabled: !e.qualified || assigned.has(e.id),
              label: `${e.name}（${e.field}）${e.qualified ? '' : ` ${t('institution.assign.disqualified')}`}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
