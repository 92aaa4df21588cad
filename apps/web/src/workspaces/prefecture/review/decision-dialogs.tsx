import { Alert, App, Button, DatePicker, Form, FormInstance, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ReactNode, useState } from 'react';
import { api, ProblemError, unwrap } from '../../../shared/api/client';
import type { CaseCondition, ChecklistItem, ReviewCase } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import type { MessageKey } from '../../../shared/i18n/zh-CN';
import { BeijingLabel, beijingToday } from '../../../shared/ui/beijing-time';
import { COMMON_MEASURES, itemName, MEASURES_ID } from '../../../features/application-viewer/review-format';

/** Form fields the enterprise may be asked to correct besides the material slots. */
export const FORM_FIELDS = ['productName', 'series', 'model', 'rdCompletedOn', 'catalogueEntryCode', 'firstSale', 'innovationPoints', 'performanceIndicators', 'ipList', 'sales', 'declarations'] as const;

/** Service errors that belong to one field of the dialog although the server names none. */
const FIELD_OF_CODE: Record<string, string> = { CORRECTION_DEADLINE_INVALID: 'deadline' };

/**
 * A failed request in a dialog: the problem's title (in the user's language) at each field the
 * server names, and at the top of the dialog. `items.0.reason` from the server is the form's
 * `['items', 0, 'reason']`.
 */
export function problemInDialog(err: unknown, form: FormInstance, title: (s: string) => string): string {
  if (!(err instanceof ProblemError)) return title(String(err));
  const p = err.problem;
  const values = (form.getFieldsValue(true) ?? {}) as Record<string, unknown>;
  const paths = (p.errors ?? [])
    .map((e) => e.field.replace(/\[(\d+)\]/g, '.$1').split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)))
    .filter((path) => path.length > 0 && String(path[0]) in values);
  const byCode = FIELD_OF_CODE[p.code];
  if (byCode && byCode in values) paths.push([byCode]);
  if (paths.length) form.setFields(paths.map((name) => ({ name, errors: [title(p.title)] })));
  return title(p.title);
}

function DialogProblem({ text }: { text: string | null }) {
  return text ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={text} /> : null;
}

interface DialogProps {
  review: ReviewCase;
  open: boolean;
  onCancel(): void;
  onDone(result: ReviewCase): void;
}

/** One decision dialog: the form, the request, the server's problem inside the dialog. */
function DecisionModal<T extends object>({ open, titleKey, okKey, danger, form, name, onCancel, send, initialValues, children }: {
  open: boolean;
  titleKey: MessageKey;
  okKey: MessageKey;
  danger?: boolean;
  form: FormInstance<T>;
  name: string;
  onCancel(): void;
  send(values: T): Promise<void>;
  initialValues?: Partial<T>;
  children: ReactNode;
}) {
  const { t, title } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onFinish = async (values: T) => {
    setBusy(true);
    setProblem(null);
    try {
      await send(values);
    } catch (err) {
      setProblem(problemInDialog(err, form, title));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t(titleKey)}
      onOk={() => form.submit()}
      onCancel={() => {
        setProblem(null);
        onCancel();
      }}
      okText={t(okKey)}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      width={680}
      destroyOnHidden
    >
      <DialogProblem text={problem} />
      <Form form={form} name={name} layout="vertical" onFinish={onFinish} initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}

function MeasuresField({ extra }: { extra?: string[] }) {
  const { t } = useI18n();
  const options = [...new Set([...COMMON_MEASURES, ...(extra ?? [])])].sort().map((m) => ({ value: m, label: m }));
  return (
    <Form.Item
      name="measuresIds"
      label={t('review.measuresIds')}
      extra={t('review.measuresIds.hint')}
      rules={[
        { required: true, type: 'array', min: 1, message: t('review.measuresIds.required') },
        {
          validator: (_, v: string[] | undefined) => ((v ?? []).every((m) => MEASURES_ID.test(m)) ? Promise.resolve() : Promise.reject(new Error(t('review.measuresIds.invalid')))),
        },
      ]}
    >
      <Select mode="tags" options={options} tokenSeparators={[',', '，', ' ']} placeholder={t('review.measuresIds.placeholder')} />
    </Form.Item>
  );
}

interface ReturnForm {
  items: Array<{ item?: string; reason?: string }>;
  deadline?: Dayjs;
  measuresIds: string[];
}

/**
 * Return for correction (退回补正, M7.3): each item with its reason, a deadline, the articles. The
 * failed materials come pre-filled with their comments, and the conditions judged not met or
 * needing correction as one item on the declarations, each with its note.
 */
export function ReturnDialog({ review, open, onCancel, onDone, checklist, conditions }: DialogProps & { checklist: ChecklistItem[]; conditions: CaseCondition[] }) {
  const { t, tk, locale } = useI18n();
  const [form] = Form.useForm<ReturnForm>();
  const failed = checklist.filter((i) => i.passed === false);
  const judgedAgainst = conditions.filter((c) => c.verdict && !c.verdict.staleSince && c.verdict.verdict !== 'MET');
  const declarationsItem = judgedAgainst.length
    ? [{ item: 'declarations', reason: judgedAgainst.map((c) => `${locale === 'zh-CN' ? c.titleZh : c.titleEn}：${c.verdict?.note ?? ''}`).join('；') }]
    : [];
  const options = [
    { label: t('review.return.group.materials'), options: checklist.map((i) => ({ value: i.slotId, label: `${i.item}. ${itemName(i, locale)}` })) },
    { label: t('review.return.group.fields'), options: FORM_FIELDS.map((f) => ({ value: f, label: tk('review.field', f) })) },
  ];
  const measures = [...new Set(['M7.3', ...failed.flatMap((i) => i.measuresIds), ...judgedAgainst.map((c) => c.conditionId)])];
  const send = async (v: ReturnForm) => {
    const body = {
      items: v.items.map((i) => ({ item: i.item ?? '', reason: (i.reason ?? '').trim() })),
      deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '',
      measuresIds: v.measuresIds,
    };
    onDone(await unwrap<ReviewCase>(api.POST('/api/preliminary-review/applications/{id}/return', { params: { path: { id: review.applicationId } }, body })));
  };
  return (
    <DecisionModal<ReturnForm>
      open={open}
      titleKey="review.return.title"
      okKey="review.return"
      form={form}
      name="return"
      onCancel={onCancel}
      send={send}
      initialValues={{
        items: failed.length || declarationsItem.length ? [...failed.map((i) => ({ item: i.slotId, reason: i.verdict?.comment ?? '' })), ...declarationsItem] : [{}],
        measuresIds: measures,
        deadline: beijingToday().add(15, 'day'),
      }}
    >
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, n) => (
              <div key={field.key} role="group" aria-label={t('review.return.itemGroup', { n: n + 1 })} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0', marginBottom: 12 }}>
                <Form.Item name={[field.name, 'item']} label={t('review.return.item', { n: n + 1 })} rules={[{ required: true, message: t('review.return.item.required') }]}>
                  <Select options={options} showSearch={{ optionFilterProp: 'label' }} placeholder={t('review.return.item.placeholder')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'reason']}
                  label={t('review.return.reason', { n: n + 1 })}
                  rules={[{ required: true, whitespace: true, message: t('review.return.reason.required') }, { max: 2000 }]}
                >
                  <Input.TextArea rows={2} placeholder={t('review.return.reason.placeholder')} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 0, marginBottom: 8 }}>
                    {t('review.return.removeItem', { n: n + 1 })}
                  </Button>
                )}
              </div>
            ))}
            <Button type="dashed" onClick={() => add({})} block style={{ marginBottom: 16 }} disabled={fields.length >= 50}>
              {t('review.return.addItem')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item
        name="deadline"
        label={<BeijingLabel label={t('review.return.deadline')} />}
        extra={t('review.return.deadline.hint')}
        rules={[{ required: true, message: t('review.return.deadline.required') }]}
      >
        <DatePicker style={{ width: 200 }} disabledDate={(d) => !d.isAfter(beijingToday(), 'day')} />
      </Form.Item>
      <Alert type="info" showIcon title={t('review.return.consequence')} />
      <MeasuresField extra={measures} />
    </DecisionModal>
  );
}

interface RejectForm {
  reason?: string;
  measuresIds: string[];
}

/** Reject at preliminary review (final for the batch): the reason and the articles (M7.3, M12.1). */
export function RejectDialog({ review, open, onCancel, onDone }: DialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<RejectForm>();
  const send = async (v: RejectForm) => {
    const body = { reason: (v.reason ?? '').trim(), measuresIds: v.measuresIds };
    onDone(await unwrap<ReviewCase>(api.POST('/api/preliminary-review/applications/{id}/reject', { params: { path: { id: review.applicationId } }, body })));
  };
  return (
    <DecisionModal<RejectForm> open={open} titleKey="review.reject.title" okKey="review.reject" danger form={form} name="reject" onCancel={onCancel} send={send} initialValues={{ measuresIds: ['M7.3'] }}>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('review.reject.warning')} />
      <Form.Item name="reason" label={t('review.reject.reason')} rules={[{ required: true, whitespace: true, message: t('review.reject.reason.required') }, { max: 2000 }]}>
        <Input.TextArea rows={4} placeholder={t('review.reject.reason.placeholder')} />
      </Form.Item>
      <MeasuresField />
    </DecisionModal>
  );
}

interface OpinionForm {
  opinion?: string;
}

/**
 * Recommend to the Department with the prefecture's opinion (M3.2, M7.3), saying what follows. A
 * refusal because the review is incomplete (M12.1) closes the dialog: the open items show at
 * their places on the review screen, not in here.
 */
export function RecommendDialog({ review, open, onCancel, onDone, openItems, onIncomplete }: DialogProps & { openItems: number; onIncomplete(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OpinionForm>();
  const send = async (v: OpinionForm) => {
    const body = { opinion: (v.opinion ?? '').trim() };
    try {
      onDone(await unwrap<ReviewCase>(api.POST('/api/preliminary-review/applications/{id}/recommend', { params: { path: { id: review.applicationId } }, body })));
    } catch (err) {
      if (err instanceof ProblemError && err.problem.code === 'REVIEW_INCOMPLETE') return onIncomplete();
      throw err;
    }
  };
  return (
    <DecisionModal<OpinionForm> open={open} titleKey="review.recommend.title" okKey="review.recommend" form={form} name="recommend" onCancel={onCancel} send={send}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('review.recommend.consequence')} />
      {openItems > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('review.open.before', { count: openItems })} />}
      <Form.Item name="opinion" label={t('review.recommend.opinion')} rules={[{ required: true, whitespace: true, message: t('review.recommend.opinion.required') }, { max: 2000 }]}>
        <Input.TextArea rows={4} placeholder={t('review.recommend.opinion.placeholder')} />
      </Form.Item>
    </DecisionModal>
  );
}

interface ReasonForm {
  reason?: string;
}

/** Two-step approval, the other way out: the drafter withdraws, another officer sends back; with a reason. */
export function DiscardDraftDialog({ review, open, onCancel, onDone, asDrafter }: DialogProps & { asDrafter: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReasonForm>();
  const send = async (v: ReasonForm) => {
    const body = { reason: (v.reason ?? '').trim() };
    onDone(await unwrap<ReviewCase>(api.POST('/api/preliminary-review/applications/{id}/discard-draft', { params: { path: { id: review.applicationId } }, body })));
  };
  return (
    <DecisionModal<ReasonForm>
      open={open}
      titleKey={asDrafter ? 'review.draft.withdraw.title' : 'review.draft.sendBack.title'}
      okKey={asDrafter ? 'review.draft.withdraw' : 'review.draft.sendBack'}
      danger
      form={form}
      name="discard-draft"
      onCancel={onCancel}
      send={send}
    >
      <Form.Item name="reason" label={t('review.draft.reason')} rules={[{ required: true, whitespace: true, message: t('review.draft.reason.required') }, { max: 2000 }]}>
        <Input.TextArea rows={3} placeholder={t(asDrafter ? 'review.draft.reason.withdrawPlaceholder' : 'review.draft.reason.sendBackPlaceholder')} />
      </Form.Item>
    </DecisionModal>
  );
}

/** Approving the drafted decision: a confirmation, the server's refusal shown in the dialog. */
export function ApproveDialog({ review, open, onCancel, onDone, summary }: DialogProps & { summary: ReactNode }) {
  const { t, title } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { message } = App.useApp();
  const approve = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onDone(await unwrap<ReviewCase>(api.POST('/api/preliminary-review/applications/{id}/approve', { params: { path: { id: review.applicationId } } })));
    } catch (err) {
      const text = err instanceof ProblemError ? title(err.problem.title) : title(String(err));
      setProblem(text);
      if (!(err instanceof ProblemError)) message.error(text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('review.draft.approve.title')}
      onOk={approve}
      onCancel={() => {
        setProblem(null);
        onCancel();
      }}
      okText={t('review.draft.approve')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <DialogProblem text={problem} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        {t('review.draft.approve.confirm')}
        {summary}
      </Space>
    </Modal>
  );
}
