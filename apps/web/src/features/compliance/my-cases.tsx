import { Button, Card, Collapse, Empty, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { beijingToday } from '../../shared/ui/beijing-time';
import { CaseFacts } from './case-facts';
import { CASE_STATUS_COLOR, caseStatusLabel, measureLabel, type ComplianceCase } from './types';
import { useConfirmedSend } from './use-confirmed-send';

/** The party's answer while its time runs: a statement, or a waiver (陈述、申辩; ADR 0026). */
function StatementForm({ c }: { c: ComplianceCase }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ statement: string }>();
  const sending = $api.useMutation('post', '/api/compliance-cases/{id}/statement');
  const confirmed = useConfirmedSend();
  const path = { path: { id: c.id } };
  const state = confirmed(form, t('myCases.state.confirm'), (v: { statement: string }) => sending.mutateAsync({ params: path, body: { statement: v.statement } }), t('myCases.submitted'));
  const waive = confirmed(form, t('myCases.waive.confirm'), () => sending.mutateAsync({ params: path, body: { waived: true } }), t('myCases.submitted'));
  return (
    <Card size="small" title={t('myCases.state')}>
      <Form form={form} name={`statement-${c.caseNo}`} layout="vertical" onFinish={state}>
        <Form.Item name="statement" label={t('myCases.state.text')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('myCases.state.text') }) }]}>
          <Input.TextArea rows={5} maxLength={8000} showCount />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={sending.isPending}>{t('myCases.state')}</Button>
          <Button onClick={() => waive({ statement: '' })}>{t('myCases.waive')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/**
 * The enterprise's, institution's or expert's cases (ADR 0026): each notice of an intended measure
 * and each decision, with the statement form while the deadline has not passed.
 */
export function MyCasesPage() {
  const { t, locale } = useI18n();
  const cases = $api.useQuery('get', '/api/compliance-cases', { params: { query: { pageSize: 100 } } });
  const items = cases.data?.items ?? [];
  const today = beijingToday().format('YYYY-MM-DD');
  return (
    <Card title={t('myCases.title')}>
      <Typography.Paragraph type="secondary">{t('myCases.intro')}</Typography.Paragraph>
      <LoadState {...queryState(cases)}>
        {items.length === 0 ? (
          <Empty description={t('myCases.empty')} />
        ) : (
          <Collapse
            defaultActiveKey={items.filter((c) => c.status === 'notified').map((c) => c.id)}
            items={items.map((c) => ({
              key: c.id,
              label: (
                <Flex gap="small" wrap>
                  <Typography.Text strong>{c.caseNo}</Typography.Text>
                  <span>{measureLabel(locale, c.intendedMeasure)}</span>
                  <Tag color={CASE_STATUS_COLOR[c.status]}>{caseStatusLabel(locale, c.status)}</Tag>
                </Flex>
              ),
              children: (
                <Flex vertical gap="middle" data-testid={`my-case-${c.caseNo}`}>
                  <CaseFacts c={c} />
                  {c.status === 'notified' && (!c.statementDeadline || today <= c.statementDeadline) && <StatementForm c={c} />}
                </Flex>
              ),
            }))}
          />
        )}
      </LoadState>
    </Card>
  );
}
