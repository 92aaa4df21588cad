import { Alert, Button, DatePicker, Form, Input, Select, theme } from 'antd';
import type { Dayjs } from 'dayjs';
import { $api } from '../../../shared/api/query';
import type { CaseCondition, ChecklistItem } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { BeijingLabel, beijingToday } from '../../../shared/ui/beijing-time';
import { itemName } from '../../../features/application-viewer/review-format';
import { DecisionModal, DialogProps, MeasuresField } from './decision-modal';

/** Form fields the enterprise may be asked to correct besides the material slots. */
export const FORM_FIELDS = ['productName', 'series', 'model', 'rdCompletedOn', 'catalogueEntryCode', 'firstSale', 'innovationPoints', 'performanceIndicators', 'ipList', 'sales', 'declarations'] as const;

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
  const { token } = theme.useToken();
  const [form] = Form.useForm<ReturnForm>();
  const returnIt = $api.useMutation('post', '/api/preliminary-review/applications/{id}/return');
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
    onDone(await returnIt.mutateAsync({ params: { path: { id: review.applicationId } }, body }));
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
              <div key={field.key} role="group" aria-label={t('review.return.itemGroup', { n: n + 1 })} style={{ border: `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`, borderRadius: token.borderRadius, padding: `${token.paddingSM}px ${token.paddingSM}px 0`, marginBottom: token.marginSM }}>
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
                  <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 0, marginBottom: token.marginXS }}>
                    {t('review.return.removeItem', { n: n + 1 })}
                  </Button>
                )}
              </div>
            ))}
            <Button type="dashed" onClick={() => add({})} block style={{ marginBottom: token.margin }} disabled={fields.length >= 50}>
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
