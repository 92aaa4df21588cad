import { Alert, App, Button, Card, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useSearchState } from '../../../shared/hooks/use-search-state';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';
import { LoadState, queryState } from '../../../shared/ui/states';
import { PanelRunCard } from './panel-run-card';
import { fieldName, type PanelCase } from './types';

/**
 * The institution's panels (M8.1): for a commissioned batch, the solver proposes a panel per
 * application as a dry run (with its seed), the institution adjusts seats — conflicted (M11.1),
 * disqualified (M11.2), unavailable or fully loaded experts cannot be chosen — and confirms.
 * Applications whose expert recused or was excluded are marked as needing a replacement, and a
 * proposal for one of them fills only its missing seats. The batch is in the URL.
 */
export function PanelsPage() {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [state, setState] = useSearchState({ batch: '' });
  const [form] = Form.useForm<{ seed?: string }>();
  const overview = $api.useQuery('get', '/api/panels', { params: { query: state.batch ? { batchId: state.batch } : {} } });
  const batches = $api.useQuery('get', '/api/batches');
  // Until the batches have loaded, a placeholder rather than the id.
  const batchName = (id: string) => batches.data?.find((b) => b.id === id)?.name ?? t('common.loading');
  const propose = $api.useMutation('post', '/api/panels/runs', { onSuccess: () => invalidate('/api/panels') });
  const batchId = overview.data?.batchId ?? undefined;
  const latest = overview.data?.latestRun;

  const run = async (applicationId?: string) => {
    if (!batchId) return;
    const seed = form.getFieldValue('seed')?.trim() || undefined;
    try {
      const r = await propose.mutateAsync({ body: { batchId, ...(applicationId ? { applicationId } : {}), ...(seed ? { seed } : {}) } });
      message.success(t('panels.proposed', { filled: r.seatsFilled, wanted: r.seatsWanted }));
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };

  const status = (c: PanelCase) => {
    const vars = { count: c.activeExperts.length, size: c.panelSize };
    if (c.state !== 'UNDER_COMPREHENSIVE_REVIEW') return <Tag>{t('panels.case.closed')}</Tag>;
    if (c.needsReplacement) return <Tag color="orange">{t('panels.case.needsReplacement', vars)}</Tag>;
    if (c.needsExperts) return <Tag color="blue">{t('panels.case.needsExperts', vars)}</Tag>;
    return <Tag color="green">{t('panels.case.full', vars)}</Tag>;
  };

  return (
    <Flex vertical gap="middle">
      <Card title={t('panels.title')}>
        <Flex vertical gap="middle">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('panels.intro')}</Typography.Paragraph>
          <LoadState {...queryState(overview)}>
            {overview.data && overview.data.batches.length === 0 ? (
              <Alert type="info" showIcon title={t('panels.batch.none')} />
            ) : (
              <Form form={form} layout="inline" name="propose-panels" onFinish={() => run()}>
                <Form.Item label={t('panels.batch')} htmlFor="panels-batch">
                  <Select
                    id="panels-batch"
                    style={{ minWidth: 320 }}
                    value={batchId}
                    onChange={(v: string) => setState({ batch: v })}
                    options={(overview.data?.batches ?? []).map((b) => ({ value: b.batchId, label: batchName(b.batchId) }))}
                  />
                </Form.Item>
                <Form.Item name="seed" label={t('panels.seed')} extra={t('panels.seed.help')} rules={[{ pattern: /^[\w.:-]{1,64}$/, message: t('panels.seed.help') }]}>
                  <Input placeholder={t('panels.seed.placeholder')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item>
                  <Button type="primary" htmlType="submit" loading={propose.isPending}>{t('panels.propose')}</Button>
                </Form.Item>
              </Form>
            )}
          </LoadState>
        </Flex>
      </Card>
      {overview.data?.batchId && (
        <Card title={t('panels.cases')}>
          <Table<PanelCase>
            rowKey="applicationId"
            size="small"
            pagination={false}
            loading={overview.isFetching}
            dataSource={overview.data.cases}
            columns={[
              { title: t('panels.case.no'), dataIndex: 'applicationNo' },
              { title: t('panels.case.product'), render: (_, c) => <Space orientation="vertical" size={0}><span>{c.enterpriseName}</span><Typography.Text type="secondary">{c.productName}</Typography.Text></Space> },
              { title: t('panels.case.field'), render: (_, c) => fieldName(c.fieldCode, locale, t) },
              { title: t('panels.case.experts'), render: (_, c) => (c.activeExperts.length ? c.activeExperts.map((e) => <Tag key={e.expertId}>{e.expertName}</Tag>) : t('panels.case.experts.none')) },
              { title: t('panels.case.status'), render: (_, c) => status(c) },
              {
                title: t('common.actions'),
                render: (_, c) => (c.needsExperts ? <Button size="small" onClick={() => run(c.applicationId)}>{t('panels.proposeOne')}</Button> : null),
              },
            ]}
          />
        </Card>
      )}
      {latest && <PanelRunCard run={latest} />}
      {!latest && overview.data?.batchId && <Alert type="info" showIcon title={t('panels.run.none')} />}
    </Flex>
  );
}
