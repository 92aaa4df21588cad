import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';
import { CASE_MEASURES, measureLabel, type CaseMeasure } from '../../../features/compliance/types';

interface OpenCaseValues {
  intendedMeasure: CaseMeasure;
  recognitionId?: string;
  institutionId?: string;
  expertId?: string;
  facts: string;
  source?: string;
  interim?: boolean;
}

/** A case opened from a tracking evaluation's serious finding: its recognition and facts (the evaluation is its source). */
export interface CasePreset {
  recognitionId: string;
  trackingEvaluationId: string;
  facts: string;
}

/**
 * Opens a case (ADR 0026): the measure, then its subject chosen from what the Department knows (a
 * recognition of the registry, an institution, an expert of any pool searched by name); the facts and where they came
 * from. From a tracking evaluation, the revocation of its recognition is proposed with its finding.
 */
export function OpenCaseDialog({ onClose, onOpened, preset }: { onClose(): void; onOpened(id: string): void; preset?: CasePreset }) {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<OpenCaseValues>();
  const measure = Form.useWatch('intendedMeasure', form);
  const recognitions = $api.useQuery('get', '/api/recognitions', {}, { enabled: measure === 'recognition_revocation' });
  const institutions = $api.useQuery('get', '/api/institutions', { params: { query: { pageSize: 100 } } }, { enabled: measure === 'institution_ban' });
  const [expertSearch, setExpertSearch] = useState('');
  const experts = $api.useQuery('get', '/api/experts', { params: { query: { pageSize: 50, ...(expertSearch.trim() ? { search: expertSearch.trim() } : {}) } } }, { enabled: measure === 'expert_disqualification' });
  const opening = $api.useMutation('post', '/api/compliance-cases');
  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { label }) }];
  const submit = async (v: OpenCaseValues) => {
    const institution = institutions.data?.items.find((i) => i.id === v.institutionId);
    const subjectId = v.intendedMeasure === 'recognition_revocation' ? v.recognitionId : v.intendedMeasure === 'institution_ban' ? v.institutionId : v.expertId;
    try {
      const opened = await opening.mutateAsync({
        body: { intendedMeasure: v.intendedMeasure, subjectId: subjectId ?? '', subjectUscc: institution?.uscc, facts: v.facts, source: v.source?.trim() || undefined, interim: v.interim || undefined, trackingEvaluationId: preset?.trackingEvaluationId },
      });
      message.success(t('compliance.opened', { caseNo: opened.caseNo }));
      await invalidate('/api/compliance-cases');
      onOpened(opened.id);
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal open title={t('compliance.open.title')} okText={t('compliance.open')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={opening.isPending} destroyOnHidden>
      <Form form={form} name="open-case" layout="vertical" onFinish={submit} initialValues={{ intendedMeasure: 'recognition_revocation', ...(preset && { recognitionId: preset.recognitionId, facts: preset.facts }) }}>
        <Form.Item name="intendedMeasure" label={t('compliance.open.measure')}>
          <Select disabled={!!preset} options={CASE_MEASURES.map((m) => ({ value: m, label: measureLabel(locale, m) }))} />
        </Form.Item>
        {measure === 'recognition_revocation' && (
          <Form.Item name="recognitionId" label={t('compliance.open.recognition')} rules={required(t('compliance.open.recognition'))}>
            <Select
              disabled={!!preset}
              showSearch={{ optionFilterProp: 'label' }}
              loading={recognitions.isLoading}
              options={(recognitions.data ?? []).filter((r) => r.status !== 'revoked').map((r) => ({ value: r.recognitionId, label: `${r.enterpriseName} · ${r.product.name} ${r.product.model} · ${r.documentNo}` }))}
            />
          </Form.Item>
        )}
        {measure === 'institution_ban' && (
          <Form.Item name="institutionId" label={t('compliance.open.institution')} rules={required(t('compliance.open.institution'))}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={institutions.isLoading} options={(institutions.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.uscc}）` }))} />
          </Form.Item>
        )}
        {measure === 'expert_disqualification' && (
          <Form.Item name="expertId" label={t('compliance.open.expert')} extra={t('compliance.open.expert.help')} rules={required(t('compliance.open.expert'))}>
            <Select
              showSearch={{ filterOption: false, onSearch: setExpertSearch }}
              loading={experts.isFetching}
              options={(experts.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${[e.employerName, e.identityTail && t('compliance.open.expert.tail', { tail: e.identityTail })].filter(Boolean).join('，')}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="facts" label={t('compliance.open.facts')} rules={required(t('compliance.open.facts'))}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        {!preset && (
          <Form.Item name="source" label={t('compliance.open.source')}>
            <Input placeholder={t('compliance.open.source.placeholder')} maxLength={200} />
          </Form.Item>
        )}
        {measure !== 'recognition_revocation' && (
          <Form.Item name="interim" valuePropName="checked" extra={t('compliance.open.interim.help')}>
            <Checkbox>{t('compliance.open.interim')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
