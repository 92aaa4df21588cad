import { Alert, App, Button, Card, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../shared/api/client';
import type { CaseCondition, ChecklistItem, FormalReviewSheet, OpenReviewItem } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { problemInDialog } from './decision-dialogs';
import { itemName } from '../../../features/application-viewer/review-format';
import { formatBeijing } from '../../../shared/ui/beijing-time';

type Verdict = 'MET' | 'NOT_MET' | 'NEEDS_CORRECTION';
const VERDICTS: Verdict[] = ['MET', 'NOT_MET', 'NEEDS_CORRECTION'];
const FINDING_COLOR: Record<string, string> = { met: 'success', not_met: 'error', needs_review: 'gold' };

/** Where an open item of the review belongs on the screen, as the refusal names it (`conditions.M5.1`). */
export const openAt = (open: OpenReviewItem[], field: string) => open.filter((o) => o.field === field);

/** An open item shown at its place: in the user's language, the server's words. */
export function OpenHere({ items }: { items: OpenReviewItem[] }) {
  const { locale } = useI18n();
  if (!items.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="open-item"
      style={{ marginBottom: 8 }}
      title={items.map((o) => (locale === 'zh-CN' ? o.message : o.messageEn)).join('；')}
    />
  );
}

/** Answers that are codes, shown in words with the form's own labels. */
const CODED: Record<string, string> = { 'declarations.legalForm': 'form.legalForm', 'declarations.equipmentForm': 'form.decl.equipmentForm' };

/** The enterprise's answer in words: yes/no, a list of dates, a value, or "not declared". */
function Answer({ field, value }: { field: string; value: CaseCondition['answers'][number]['value'] }) {
  const { t, tk } = useI18n();
  if (value === null) return <Typography.Text type="warning">{t('review.conditions.notDeclared')}</Typography.Text>;
  if (typeof value === 'boolean') return <Typography.Text strong>{value ? t('review.conditions.yes') : t('review.conditions.no')}</Typography.Text>;
  if (Array.isArray(value)) return <Typography.Text strong>{value.length ? value.join('、') : t('review.conditions.none')}</Typography.Text>;
  return <Typography.Text strong>{CODED[field] ? tk(CODED[field], value) : value}</Typography.Text>;
}

/** One condition of M5 or exclusion of M6: the answers, evidence, the platform's finding, and the officer's verdict, saved on its own. */
function ConditionRow({ applicationId, condition, checklist, editable, open, onSaved }: {
  applicationId: string;
  condition: CaseCondition;
  checklist: ChecklistItem[];
  editable: boolean;
  open: OpenReviewItem[];
  onSaved(sheet: FormalReviewSheet): void;
}) {
  const { t, tk, locale, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ verdict?: Verdict; note?: string }>();
  const [busy, setBusy] = useState(false);
  const v = condition.verdict;
  const name = locale === 'zh-CN' ? condition.titleZh : condition.titleEn;
  const headingId = `condition-${condition.conditionId.replace('.', '-')}`;
  const save = async (values: { verdict?: Verdict; note?: string }) => {
    setBusy(true);
    try {
      const body = { conditionId: condition.conditionId as never, verdict: values.verdict!, note: values.note?.trim() || undefined };
      const sheet = await unwrap<FormalReviewSheet>(api.PUT('/api/preliminary-review/applications/{id}/conditions', { params: { path: { id: applicationId } }, body }));
      message.success(t('review.conditions.saved', { name }));
      onSaved(sheet);
    } catch (err) {
      message.error(problemInDialog(err, form, title));
    } finally {
      setBusy(false);
    }
  };
  const slotName = (slotId?: string) => {
    const item = checklist.find((i) => i.slotId === slotId);
    return item ? itemName(item, locale) : null;
  };
  return (
    <section role="group" aria-labelledby={headingId} data-testid={`condition-${condition.conditionId}`} style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }}>
      <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
        <Typography.Text strong id={headingId}>{name}</Typography.Text>
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
      </Space>
      <OpenHere items={open} />
      <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('review.conditions.answers')}</Typography.Text>
        {condition.answers.length === 0 ? (
          <Typography.Text type="secondary">{t('review.conditions.noAnswers')}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('review.conditions.answers')}>
            {condition.answers.map((a) => (
              <li key={a.field}>
                {locale === 'zh-CN' ? a.labelZh : a.labelEn}：<Answer field={a.field} value={a.value} />
              </li>
            ))}
          </ul>
        )}
        {condition.finding.reasons.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('review.conditions.finding')}>
            {condition.finding.reasons.map((r) => (
              <li key={r.code}>
                <Typography.Text type={condition.finding.result === 'not_met' ? 'danger' : 'warning'}>{locale === 'zh-CN' ? r.message : r.messageEn}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
        <Typography.Text type="secondary">
          {t('review.conditions.evidence')}：
          {condition.evidence.map((e) => slotName(e.slotId) ?? (locale === 'zh-CN' ? e.descriptionZh : e.descriptionEn)).join('；')}
        </Typography.Text>
      </Space>
      <Form
        form={form}
        name={`condition-${condition.conditionId}`}
        layout="inline"
        onFinish={save}
        disabled={!editable}
        initialValues={{ verdict: v?.verdict, note: v?.note ?? '' }}
        style={{ rowGap: 8 }}
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
            <Button htmlType="submit" loading={busy}>{t('review.conditions.save')}</Button>
          </Form.Item>
        )}
      </Form>
      {v && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('review.conditions.reviewedAt', { at: formatBeijing(v.reviewedAt) })}
        </Typography.Text>
      )}
    </section>
  );
}

/** The eligibility checklist (M5, M6): one row per condition, judged by the officer like the materials (M12.1). */
export function Conditions({ applicationId, conditions, checklist, editable, open, onSaved }: {
  applicationId: string;
  conditions: CaseCondition[];
  checklist: ChecklistItem[];
  editable: boolean;
  open: OpenReviewItem[];
  onSaved(sheet: FormalReviewSheet): void;
}) {
  const { t } = useI18n();
  const done = conditions.filter((c) => c.verdict && !c.verdict.staleSince).length;
  return (
    <Card
      title={t('review.conditions.title')}
      data-testid="review-conditions"
      extra={<Typography.Text type="secondary">{t('review.conditions.progress', { done, total: conditions.length })}</Typography.Text>}
    >
      {conditions.map((c) => (
        <ConditionRow
          key={c.conditionId}
          applicationId={applicationId}
          condition={c}
          checklist={checklist}
          editable={editable}
          open={openAt(open, `conditions.${c.conditionId}`)}
          onSaved={onSaved}
        />
      ))}
    </Card>
  );
}
