import { isMaterialSlotId } from '@firstset/domain';
import { App, Button, Checkbox, Form, Input, Space, Tag, theme, Typography } from 'antd';
import { $api } from '../../../shared/api/query';
import type { ChecklistItem, FormalReviewSheet, MaterialFile, OpenReviewItem } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { OpenHere } from './open-here';
import { problemInDialog } from './decision-modal';
import { itemName } from '../../../features/application-viewer/review-format';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import { SlotFiles } from './slot-files';
import { useRowStyle } from './row-style';

interface VerdictForm {
  present: boolean;
  legible: boolean;
  valid: boolean;
  qualifiedInstitution?: boolean;
  consistent: boolean;
  comment?: string;
}

const CHECKS = ['present', 'legible', 'valid', 'qualifiedInstitution', 'consistent'] as const;

function PassedTag({ passed }: { passed: boolean | null }) {
  const { t } = useI18n();
  if (passed === null) return <Tag>{t('review.check.pending')}</Tag>;
  return passed ? <Tag color="success">{t('review.check.passed')}</Tag> : <Tag color="error">{t('review.check.failed')}</Tag>;
}

/**
 * One M7.4 item: its files, the five checks (the institution one only where required), a comment;
 * saved on its own. Keyed by its verdict's time by the caller, so a verdict saved elsewhere shows.
 */
export function ChecklistRow({ applicationId, item, files, editable, open, onView, onSaved }: {
  applicationId: string;
  item: ChecklistItem;
  files: MaterialFile[];
  editable: boolean;
  open: OpenReviewItem[];
  onView(file: MaterialFile): void;
  onSaved(sheet: FormalReviewSheet): void;
}) {
  const { t, locale, title } = useI18n();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<VerdictForm>();
  const judge = $api.useMutation('put', '/api/preliminary-review/applications/{id}/materials');
  const rowStyle = useRowStyle();
  const v = item.verdict;
  const name = itemName(item, locale);
  const headingId = `check-${item.slotId}`;
  const save = async (values: VerdictForm) => {
    // The view names the slot as a string; the command takes the slots M7.4 defines.
    if (!isMaterialSlotId(item.slotId)) return;
    const slotId = item.slotId;
    try {
      const body = {
        slotId,
        present: !!values.present,
        legible: !!values.legible,
        valid: !!values.valid,
        consistent: !!values.consistent,
        ...(item.qualifiedInstitutionRequired ? { qualifiedInstitution: !!values.qualifiedInstitution } : {}),
        comment: values.comment?.trim() || undefined,
      };
      const sheet = await judge.mutateAsync({ params: { path: { id: applicationId } }, body });
      message.success(t('review.check.saved', { name }));
      onSaved(sheet);
    } catch (err) {
      message.error(problemInDialog(err, form, title));
    }
  };
  const checks = CHECKS.filter((c) => c !== 'qualifiedInstitution' || item.qualifiedInstitutionRequired);
  return (
    <section role="group" aria-labelledby={headingId} data-testid={`checklist-${item.slotId}`} style={rowStyle}>
      <Space wrap size={[8, 4]} style={{ marginBottom: token.marginXS }}>
        <Typography.Text strong id={headingId}>
          {t('review.check.itemTitle', { n: item.item, name })}
        </Typography.Text>
        {item.required ? <Tag color="red">{t('review.check.required')}</Tag> : <Tag>{t('review.check.optional')}</Tag>}
        {item.conditionUnknown && <Tag color="gold">{t('review.check.conditionUnknown')}</Tag>}
        {item.measuresIds.map((m) => (
          <Tag key={m} color="blue">{m}</Tag>
        ))}
        <PassedTag passed={item.passed} />
        {v?.staleSince && <Tag color="orange">{t('review.check.stale')}</Tag>}
      </Space>
      <OpenHere items={open} />
      <div style={{ marginBottom: token.marginXS }}>
        <SlotFiles applicationId={applicationId} files={files} onView={onView} />
      </div>
      <Form
        form={form}
        name={`verdict-${item.slotId}`}
        layout="inline"
        onFinish={save}
        disabled={!editable}
        initialValues={{
          present: v?.present ?? false,
          legible: v?.legible ?? false,
          valid: v?.valid ?? false,
          qualifiedInstitution: v?.qualifiedInstitution ?? false,
          consistent: v?.consistent ?? false,
          comment: v?.comment ?? '',
        }}
        style={{ rowGap: token.marginXS }}
      >
        {checks.map((c) => (
          <Form.Item key={c} name={c} valuePropName="checked" style={{ marginInlineEnd: token.marginSM }}>
            <Checkbox>{t(`review.check.${c}`)}</Checkbox>
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('review.check.comment')} rules={[{ max: 2000 }]} style={{ flex: '1 1 220px' }}>
          <Input placeholder={t('review.check.comment.placeholder')} />
        </Form.Item>
        {editable && (
          <Form.Item style={{ marginInlineEnd: 0 }}>
            <Button htmlType="submit" loading={judge.isPending}>{t('review.check.save')}</Button>
          </Form.Item>
        )}
      </Form>
      {v && (
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          {t('review.check.reviewedAt', { at: formatBeijing(v.reviewedAt) })}
        </Typography.Text>
      )}
    </section>
  );
}
