import { keepPreviousData } from '@tanstack/react-query';
import { CONFLICT_KINDS } from '@firstset/domain';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { $api, useInvalidate } from '../../shared/api/query';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { LoadState, queryState } from '../../shared/ui/states';
import type { CaseConflicts, ConflictView, ExpertConflicts } from '../../features/expert-pool/types';

type CaseExpert = CaseConflicts['experts'][number];

/** One conflict: its kind, where it comes from, its reason in the user's language, and whether it is recorded. */
function ConflictLine({ c }: { c: ConflictView }) {
  const { t, tk, locale } = useI18n();
  return (
    <div>
      <Space size={4} wrap>
        <Tag color={c.source === 'declared' ? 'warning' : 'error'}>{t(c.source === 'declared' ? 'pool.conflict.declared' : 'pool.conflict.detected')}</Tag>
        <Tag>{tk('pool.conflictKind', c.kind)}</Tag>
        {c.recorded && <Tag color="processing">{t('pool.conflict.recorded')}</Tag>}
      </Space>
      <Typography.Text>{locale === 'en' ? c.reasonEn : c.reasonZh}</Typography.Text>
    </div>
  );
}

/** The institution pins a detected conflict or records one the expert declared to it (M11.1), with a reason. */
function RecordConflictDialog({ applicationId, expert, onClose }: { applicationId: string; expert: CaseExpert; onClose(): void }) {
  const { t, tk, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: string; reason: string }>();
  const invalidate = useInvalidate();
  const recording = $api.useMutation('post', '/api/expert-pool/cases/{id}/conflicts', { onSuccess: () => invalidate('/api/expert-pool/cases/{id}/conflicts', '/api/expert-pool/experts/{id}/conflicts') });
  const detected = expert.conflicts.filter((c) => c.source === 'detected' && !c.recorded).map((c) => c.kind);
  const kinds = [...new Set([...detected, 'declared_on_assignment'])].filter((k) => (CONFLICT_KINDS as readonly string[]).includes(k));
  const onFinish = async (v: { kind: string; reason: string }) => {
    try {
      await recording.mutateAsync({ params: { path: { id: applicationId } }, body: { expertId: expert.expertId, kind: v.kind as (typeof CONFLICT_KINDS)[number], reason: v.reason.trim() } });
      message.success(t('pool.conflict.recordedDone', { name: expert.name }));
      onClose();
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  return (
    <Modal open title={t('pool.conflict.record.title', { name: expert.name })} okText={t('pool.conflict.record')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={recording.isPending} destroyOnHidden>
      <Form form={form} name="record-conflict" layout="vertical" onFinish={onFinish} initialValues={{ kind: kinds[0] }} requiredMark={false}>
        <Form.Item name="kind" label={t('pool.conflict.kind')} rules={[{ required: true, message: t('common.required', { label: t('pool.conflict.kind') }) }]}>
          <Select options={kinds.map((k) => ({ value: k, label: tk('pool.conflictKind', k) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('pool.conflict.reason')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('pool.conflict.reason') }) }]}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Every expert of the pool against one case: the conflicted first, each conflict with its reason. */
function CaseConflictsView({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const [recording, setRecording] = useState<CaseExpert | null>(null);
  const conflicts = $api.useQuery('get', '/api/expert-pool/cases/{id}/conflicts', { params: { path: { id: applicationId } } });
  const data = conflicts.data;
  return (
    <LoadState {...queryState(conflicts)}>
      {data && (
        <Flex vertical gap="middle">
          <Alert
            type={data.experts.some((e) => e.conflicts.length > 0) ? 'warning' : 'success'}
            showIcon
            title={t('pool.conflict.summary', { no: data.applicationNo, enterprise: data.enterpriseName, count: data.experts.filter((e) => e.conflicts.length > 0).length })}
          />
          <Table<CaseExpert>
            rowKey="expertId"
            size="small"
            dataSource={data.experts}
            pagination={{ pageSize: 20 }}
            data-testid="case-conflicts"
            columns={[
              { title: t('pool.name'), dataIndex: 'name' },
              { title: t('pool.employer'), dataIndex: 'employerName' },
              {
                title: t('pool.conflict.reasons'),
                render: (_, e) => (e.conflicts.length ? <Flex vertical gap={4}>{e.conflicts.map((c) => <ConflictLine key={`${c.source}-${c.kind}-${c.reasonZh}`} c={c} />)}</Flex> : <Tag color="success">{t('pool.conflict.none')}</Tag>),
              },
              {
                title: t('pool.actions'),
                render: (_, e) => (
                  <Button size="small" onClick={() => setRecording(e)} aria-label={t('pool.conflict.record.label', { name: e.name })}>
                    {t('pool.conflict.record')}
                  </Button>
                ),
              },
            ]}
          />
          {recording && <RecordConflictDialog applicationId={applicationId} expert={recording} onClose={() => setRecording(null)} />}
        </Flex>
      )}
    </LoadState>
  );
}

/** One expert against every case the institution holds: only the cases with a conflict. */
function ExpertConflictsView({ expertId }: { expertId: string }) {
  const { t } = useI18n();
  const conflicts = $api.useQuery('get', '/api/expert-pool/experts/{id}/conflicts', { params: { path: { id: expertId } } });
  const data = conflicts.data;
  return (
    <LoadState {...queryState(conflicts)}>
      {data &&
        (data.cases.length === 0 ? (
          <Empty description={t('pool.conflict.expertNone', { name: data.name })} />
        ) : (
          <Table<ExpertConflicts['cases'][number]>
            rowKey="applicationId"
            size="small"
            dataSource={data.cases}
            pagination={false}
            columns={[
              { title: t('pool.conflict.application'), dataIndex: 'applicationNo' },
              { title: t('pool.conflict.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('pool.conflict.product'), dataIndex: 'productName' },
              { title: t('pool.conflict.reasons'), render: (_, c) => <Flex vertical gap={4}>{c.conflicts.map((x) => <ConflictLine key={`${x.source}-${x.kind}-${x.reasonZh}`} c={x} />)}</Flex> },
            ]}
          />
        ))}
    </LoadState>
  );
}

/**
 * Conflicts of interest (M11.1) of the institution's cases: per case, every pool expert with their
 * conflicts and the reasons; per expert, the cases they conflict with. The institution pins a
 * detected conflict or records one the expert declared. The chosen case or expert is in the URL.
 */
export function ConflictsPage() {
  const { t } = useI18n();
  const [query, set] = useSearchState({ tab: 'case', case: undefined as string | undefined, expert: undefined as string | undefined });
  // A link from the pool names only the expert: open their tab.
  const tab = query.tab !== 'case' ? query.tab : query.expert && !query.case ? 'expert' : 'case';
  const cases = $api.useQuery('get', '/api/reviews/search', { params: { query: { pageSize: 100 } } }, { placeholderData: keepPreviousData });
  const [expertSearch, setExpertSearch] = useState('');
  const experts = $api.useQuery('get', '/api/expert-pool/experts', { params: { query: { search: expertSearch || undefined, pageSize: 50 } } }, { placeholderData: keepPreviousData });
  const caseOptions = (cases.data?.items ?? []).flatMap((r) => ('enterprise' in r ? [{ value: r.applicationId, label: `${r.applicationNo} ${r.enterprise.name} ${r.product.name}` }] : []));
  return (
    <Flex vertical gap="large">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('pool.conflicts.title')}</Typography.Title>
      <Alert type="info" showIcon title={t('pool.conflicts.help')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k })}
          items={[
            {
              key: 'case',
              label: t('pool.conflicts.byCase'),
              children: (
                <Flex vertical gap="middle">
                  <Flex gap="small" align="center" wrap>
                    <label htmlFor="conflict-case">{t('pool.conflicts.case')}</label>
                    <Select id="conflict-case" showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 420 }} placeholder={t('pool.conflicts.case.placeholder')} value={query.case} onChange={(v: string) => set({ case: v, tab: 'case' })} options={caseOptions} loading={cases.isFetching} />
                  </Flex>
                  {query.case && <CaseConflictsView applicationId={query.case} />}
                </Flex>
              ),
            },
            {
              key: 'expert',
              label: t('pool.conflicts.byExpert'),
              children: (
                <Flex vertical gap="middle">
                  <Flex gap="small" align="center" wrap>
                    <label htmlFor="conflict-expert">{t('pool.conflicts.expert')}</label>
                    <Select
                      id="conflict-expert"
                      showSearch={{ filterOption: false, onSearch: (v) => setExpertSearch(v.trim()) }}
                      style={{ minWidth: 320 }}
                      placeholder={t('pool.conflicts.expert.placeholder')}
                      value={query.expert}
                      onChange={(v: string) => set({ expert: v, tab: 'expert' })}
                      options={(experts.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.employerName || e.field}）` }))}
                      loading={experts.isFetching}
                    />
                  </Flex>
                  {query.expert && <ExpertConflictsView expertId={query.expert} />}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
