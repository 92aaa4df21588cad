import { isConditionId } from '@firstset/domain';
import { App, Button, Form, Input, Radio, Space, Tag, theme, Typography } from 'antd';
import { $api } from '../../../shared/api/query';
import type { CaseCondition, ChecklistItem, FormalReviewSheet, OpenReviewItem } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { OpenHere } from './open-here';
import { problemInDialog } from './decision-modal';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import { ConditionFacts } from './condition-facts';
import { useRowStyle } from './row-style';

type Verdict = 'MET' | 'NOT_MET' | 'NEEDS_CORRECTION';
const VERDICTS: Verdict[] = ['MET', 'NOT_MET', 'NEEDS_CORRECTION'];
const FINDING_COLOR: Record<string, string> = { met: 'success', not_met: 'error', needs_review: 'gold' };

/** The condition's part, the platform's finding and the officer's verdict, as tags. */
function ConditionTags({ condition }: { condition: CaseCondition }) {
  const { t, tk } = useI18n();
  const v = condition.verdict;
  return (
    <>
      <Tag color={condition.part === 'M6' ? 'purple' : 'blue'}>{tk('review.conditions.part', condition.part)}</Tag>
      <Tag color={FINDING_COLOR[condition.finding.result]}>
        {t('review.conditions.finding')}：{tk('review.conditions.finding', condition.finding.result)}
      </Tag>
      {v?.staleSince ? (
        <Tag color="orange">{t('review.conditions.stale')}</Tag>
      ) : v ? (
        <Tag color={condition.passed ? 'success' : 'error'}>{tk('review.conditions.verdict', v.verdict)}</Tag>
      ) : (
        <Tag>{t('review.conditions.pending')}</Tag>
      )}
    </>
  );
}

/**
 * One condition of M5 or exclusion of M6: the answers, evidence, the platform's finding, and the
 * officer's verdict, saved on its own. Keyed by its verdict's time by the caller.
 */
export function ConditionRow({ applicationId, condition, checklist, editable, open, onSaved }: {
  applicationId: string;
  condition: CaseCondition;
  checklist: ChecklistItem[];
  editable: boolean;
  open: OpenReviewItem[];
  onSaved(sheet: FormalReviewSheet): void;
}) {
  const { t, tk, locale, title } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ verdict?: Verdict; note?: string }>();
  const judge = $api.useMutation('put', '/api/preliminary-review/applications/{id}/conditions');
  const rowStyle = useRowStyle();
  const v = condition.verdict;
  const name = locale === 'zh-CN' ? condition.titleZh : condition.titleEn;
  const headingId = `condition-${condition.conditionId.replace('.', '-')}`;
  const save = async (values: { verdict?: Verdict; note?: string }) => {
    // The view names the condition as a string; the command takes the ids the Measures define.
    if (!isConditionId(condition.conditionId)) return;
    const conditionId = condition.conditionId;
    try {
      const body = { conditionId, verdict: values.verdict!, note: values.note?.trim() || undefined };
      const sheet = await judge.mutateAsync({ params: { path: { id: applicationId } }, body });
      message.success(t('review.conditions.saved', { name }));
      onSaved(sheet);
    } catch (err) {
      message.error(problemInDialog(err, form, title));
    }
  };
  return (
    <section role="group" aria-labelledby={headingId} data-testid={`condition-${condition.conditionId}`} style={rowStyle}>
      <Space wrap size={[8, 4]} style={{ marginBottom: token.marginXS }}>
        <Typography.Text strong id={headingId}>{name}</Typography.Text>
        <ConditionTags condition={condition} />
      </Space>
      <OpenHere items={open} />
      <ConditionFacts condition={condition} checklist={checklist} />
      <Form
        form={form}
        name={`condition-${condition.conditionId}`}
        layout="inline"
        onFinish={save}
        disabled={!editable}
        initialValues={{ verdict: v?.verdict, note: v?.note ?? '' }}
        style={{ rowGap: token.marginXS }}
      >
        <Form.Item name="verdict" label={t('review.conditions.verdict')} rules={[{ required: true, message: t('review.conditions.verdict.required') }]}>
          <Radio.Group options={VERDICTS.map((k) => ({ value: k, label: tk('review.conditions.verdict', k) }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('review.conditions.note')}
          dependencies={['verdict']}
          rules={[
            { max: 2000 },
            ({ getFieldValue }) => ({
              validator: (_, note?: string) =>
                getFieldValue('verdict') && getFieldValue('verdict') !== 'MET' && !note?.trim() ? Promise.reject(new Error(t('review.conditions.note.required'))) : Promise.resolve(),
            }),
          ]}
          style={{ flex: '1 1 220px' }}
        >
          <Input placeholder={t('review.conditions.note.placeholder')} />
        </Form.Item>
        {editable && (
          <Form.Item style={{ marginInlineEnd: 0 }}>
            <Button htmlType="submit" loading={judge.isPending}>{t('review.conditions.save')}</Button>
          </Form.Item>
        )}
      </Form>
      {v && (
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          {t('review.conditions.reviewedAt', { at: formatBeijing(v.reviewedAt) })}
        </Typography.Text>
      )}
    </section>
  );
}
