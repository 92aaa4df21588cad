import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Radio, Space, Statistic, Tag, theme, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';
import { useCriterionName } from '../../features/review-panel/criterion-scores';
import { RECOMMENDATIONS, weightedTotal } from '../../features/review-panel/types';
import type { AssignmentView, Recommendation, ReviewRules, RubricCriterion } from '../../features/review-panel/types';
import { onScale } from './rubric-rule';
import { useReviewInvalidate } from './undertaking-dialog';

interface RubricValues {
  criteria: Array<{ score?: number | null; comment?: string }>;
  recommendation?: Recommendation;
  opinion?: string;
}


function CriterionField({ criterion: c, index }: { criterion: RubricCriterion; index: number }) {
  const { t, locale } = useI18n();
  const name = useCriterionName();
  const { token } = theme.useToken();
  return (
    <Card
      size="small"
      data-testid={`criterion-${c.id}`}
      title={
        <Space wrap>
          <span>{name(c)}</span>
          <Tag>{t('scoring.weight', { weight: c.weight })}</Tag>
          {c.measuresIds.map((m) => <Tag key={m} color="blue">{m}</Tag>)}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: token.marginSM }}>{locale === 'en' ? c.guidanceEn : c.guidanceZh}</Typography.Paragraph>
      <Form.Item
        name={['criteria', index, 'score']}
        label={t('scoring.criterion.score', { name: name(c) })}
        extra={t('scoring.criterion.scale', { max: c.max })}
        rules={[
          { required: true, message: t('common.required', { label: t('scoring.criterion.score', { name: name(c) }) }) },
          { validator: (_, v) => (v === undefined || v === null || onScale(v, c.max) ? Promise.resolve() : Promise.reject(new Error(t('scoring.criterion.rule', { max: c.max })))) },
        ]}
      >
        {/* No min/max here: the field would silently clamp 11 to 10 instead of saying why. */}
        <InputNumber style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name={['criteria', index, 'comment']}
        label={t('scoring.criterion.comment', { name: name(c) })}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { label: t('scoring.criterion.comment', { name: name(c) }) }) },
          { max: 2000, message: t('scoring.max', { max: 2000 }) },
        ]}
        style={{ marginBottom: 0 }}
      >
        <Input.TextArea rows={2} placeholder={t('scoring.criterion.comment.placeholder')} />
      </Form.Item>
    </Card>
  );
}

/**
 * Rubric scoring (M8.1): every criterion of the case's profile on its scale with a required
 * comment, the weighted total as it will be stored, a recommendation and an opinion. Submitting
 * asks for confirmation and says that the scores cannot be changed afterwards (except while the
 * institution holds a consensus round, when `revising`); the service's refusals show at their fields.
 */
export function RubricForm({ applicationId, rules, revising, initial, onDone }: {
  applicationId: string;
  rules: ReviewRules;
  revising: boolean;
  initial?: AssignmentView;
  onDone(a: AssignmentView): void;
}) {
  const { t, tk, title } = useI18n();
  const { message, modal } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<RubricValues>();
  const criteria = Form.useWatch('criteria', form);
  const submit = $api.useMutation('post', '/api/reviews/{id}/score', { onSuccess: useReviewInvalidate() });
  const total = weightedTotal(rules.rubric, Object.fromEntries(rules.rubric.map((c, i) => [c.id, onScale(criteria?.[i]?.score, c.max) ? criteria![i]!.score : 0])));
  const initialValues: RubricValues = {
    criteria: rules.rubric.map((c) => {
      const s = initial?.criterionScores?.find((x) => x.criterionId === c.id);
      return { score: s?.score ?? null, comment: s?.comment ?? '' };
    }),
    recommendation: (initial?.recommendation as Recommendation | null) ?? undefined,
    opinion: initial?.opinion ?? '',
  };
  const send = async (v: RubricValues) => {
    try {
      const body = {
        criteria: rules.rubric.map((c, i) => ({ criterionId: c.id, score: v.criteria[i]!.score as number, comment: (v.criteria[i]!.comment ?? '').trim() })),
        recommendation: v.recommendation!,
        opinion: (v.opinion ?? '').trim(),
      };
      const a = await submit.mutateAsync({ params: { path: { id: applicationId } }, body });
      message.success(t(revising ? 'scoring.revised' : 'scoring.submitted'));
      onDone(a);
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const onFinish = (v: RubricValues) =>
    modal.confirm({
      title: t('scoring.confirm.title'),
      content: (
        <Space orientation="vertical">
          <Typography.Text>{t('scoring.confirm.total', { total, recommendation: tk('scoring.recommendation', v.recommendation ?? '') })}</Typography.Text>
          <Typography.Text strong>{t(revising ? 'scoring.confirm.revising' : 'scoring.confirm.final')}</Typography.Text>
        </Space>
      ),
      okText: t('scoring.submit'),
      cancelText: t('common.cancel'),
      onOk: () => send(v),
    });
  return (
    <Card title={t(revising ? 'scoring.form.revise' : 'scoring.form.title')} data-testid="rubric-form">
      <Alert type={revising ? 'warning' : 'info'} showIcon title={t(revising ? 'scoring.form.revising' : 'scoring.form.once')} style={{ marginBottom: token.marginMD }} />
      <Form form={form} name="rubric" layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        <Flex vertical gap="middle">
          {rules.rubric.map((c, i) => <CriterionField key={c.id} criterion={c} index={i} />)}
          <Statistic title={t('scoring.total.live')} value={total} precision={1} suffix={t('scoring.total.suffix')} data-testid="weighted-total" />
          <Form.Item name="recommendation" label={t('scoring.recommendation')} rules={[{ required: true, message: t('common.required', { label: t('scoring.recommendation') }) }]}>
            <Radio.Group options={RECOMMENDATIONS.map((r) => ({ value: r, label: tk('scoring.recommendation', r) }))} />
          </Form.Item>
          <Form.Item
            name="opinion"
            label={t('scoring.opinion')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { label: t('scoring.opinion') }) },
              { max: 4000, message: t('scoring.max', { max: 4000 }) },
            ]}
          >
            <Input.TextArea rows={5} placeholder={t('scoring.opinion.placeholder')} />
          </Form.Item>
          <div>
            <Button type="primary" htmlType="submit" loading={submit.isPending}>{t('scoring.submit')}</Button>
          </div>
        </Flex>
      </Form>
    </Card>
  );
}
