import { Alert, Button, Card, Form, Input, Space, theme, Typography } from 'antd';
import type { ApplicationDraft, ChecklistSlot } from '../../../../shared/api/views';
import { useItemLabel } from '../../../../features/application-viewer/item-label';
import { useI18n } from '../../../../shared/i18n/i18n';

/**
 * The prefecture's request for correction with one answer per item (M7.3): what was changed, or why
 * not. Part of the form, so the answers save with the draft; the check asks for each one missing.
 */
export function CorrectionAnswers({ correction, slots, onGoTo }: {
  correction: NonNullable<ApplicationDraft['correction']>;
  slots: ChecklistSlot[];
  /** Opens the step where an item is corrected (its slot or field). */
  onGoTo(target: { slotId?: string; field?: string }, reason: string): void;
}) {
  const { t } = useI18n();
  const label = useItemLabel(slots);
  const { token } = theme.useToken();
  return (
    <Card title={t('form.correction.title')} data-testid="correction-answers" style={{ marginBottom: token.margin }} styles={{ header: { background: token.colorWarningBg } }}>
      <Alert type="warning" showIcon style={{ marginBottom: token.margin }} title={t('form.correction.deadline', { deadline: correction.deadline })} description={t('form.correction.help')} />
      {correction.items.map((i, n) => {
        const isSlot = slots.some((s) => s.slotId === i.item);
        return (
          <div key={`${i.item}-${n}`} style={{ marginBottom: token.marginXS }}>
            <Space align="baseline" wrap>
              <Typography.Text strong>{t('form.correction.item', { n: n + 1, item: label(i.item) })}</Typography.Text>
              <Button type="link" size="small" onClick={() => onGoTo(isSlot ? { slotId: i.item } : { field: i.item }, i.reason)}>
                {t('form.correction.goTo')}
              </Button>
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginBottom: token.marginXS }}>{t('form.correction.reason', { reason: i.reason })}</Typography.Paragraph>
            <Form.Item name={['correctionAnswers', n, 'item']} hidden>
              <Input />
            </Form.Item>
            <Form.Item name={['correctionAnswers', n, 'answer']} label={t('form.correction.answer', { n: n + 1 })}>
              <Input.TextArea rows={2} maxLength={2000} showCount placeholder={t('form.correction.placeholder')} />
            </Form.Item>
          </div>
        );
      })}
    </Card>
  );
}
