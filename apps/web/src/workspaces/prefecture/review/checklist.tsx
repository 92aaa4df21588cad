import { App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../../shared/api/client';
import type { components } from '../../../shared/api/generated/schema';
import type { ChecklistItem, FormalReviewSheet, MaterialFile, OpenReviewItem, VerificationAction } from '../../../shared/api/views';
import { showProblem } from '../../../shared/ui/problem-form';
import { useI18n } from '../../../shared/i18n/i18n';
import { openAt, OpenHere } from './conditions';
import { problemInDialog } from './decision-dialogs';
import { useDownload } from '../../../features/material-viewer/material-viewer';
import { fileSize, itemName, viewable } from '../../../features/application-viewer/review-format';
import { declaredWhy } from '../../../features/application-viewer/declared-why';
import { formatBeijing, beijingToday } from '../../../shared/ui/beijing-time';

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

/** The files the enterprise put into one slot: view in the browser or download. */
function SlotFiles({ applicationId, files, onView }: { applicationId: string; files: MaterialFile[]; onView(file: MaterialFile): void }) {
  const { t } = useI18n();
  const download = useDownload(applicationId);
  if (!files.length) return <Typography.Text type="warning">{t('review.files.none')}</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('review.files')}>
      {files.map((f) => (
        <li key={f.id}>
          <Space size={4} wrap>
            {viewable(f) ? (
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onView(f)} aria-label={t('review.file.view', { name: f.fileName })}>
                {f.fileName}
              </Button>
            ) : (
              <Typography.Text>{f.fileName}</Typography.Text>
            )}
            <Typography.Text type="secondary">{fileSize(f.size, t)}</Typography.Text>
            <Button type="link" size="small" onClick={() => void download(f)} aria-label={t('review.file.downloadNamed', { name: f.fileName })}>
              {t('review.file.download')}
            </Button>
          </Space>
        </li>
      ))}
    </ul>
  );
}

/** One M7.4 item: its files, the five checks (the institution one only where required), a comment; saved on its own. */
function ChecklistRow({ applicationId, item, files, editable, open, onView, onSaved }: {
  applicationId: string;
  item: ChecklistItem;
  files: MaterialFile[];
  editable: boolean;
  open: OpenReviewItem[];
  onView(file: MaterialFile): void;
  onSaved(sheet: FormalReviewSheet): void;
}) {
  const { t, locale, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VerdictForm>();
  const [busy, setBusy] = useState(false);
  const v = item.verdict;
  const name = itemName(item, locale);
  const headingId = `check-${item.slotId}`;
  const save = async (values: VerdictForm) => {
    setBusy(true);
    try {
      const body = {
        slotId: item.slotId as never,
        present: !!values.present,
        legible: !!values.legible,
        valid: !!values.valid,
        consistent: !!values.consistent,
        ...(item.qualifiedInstitutionRequired ? { qualifiedInstitution: !!values.qualifiedInstitution } : {}),
        comment: values.comment?.trim() || undefined,
      };
      const sheet = await unwrap<FormalReviewSheet>(api.PUT('/api/preliminary-review/applications/{id}/materials', { params: { path: { id: applicationId } }, body }));
      message.success(t('review.check.saved', { name }));
      onSaved(sheet);
    } catch (err) {
      message.error(problemInDialog(err, form, title));
    } finally {
      setBusy(false);
    }
  };
  const checks = CHECKS.filter((c) => c !== 'qualifiedInstitution' || item.qualifiedInstitutionRequired);
  return (
    <section role="group" aria-labelledby={headingId} data-testid={`checklist-${item.slotId}`} style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }}>
      <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
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
      <div style={{ marginBottom: 8 }}>
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
        style={{ rowGap: 8 }}
      >
        {checks.map((c) => (
          <Form.Item key={c} name={c} valuePropName="checked" style={{ marginInlineEnd: 12 }}>
            <Checkbox>{t(`review.check.${c}`)}</Checkbox>
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('review.check.comment')} rules={[{ max: 2000 }]} style={{ flex: '1 1 220px' }}>
          <Input placeholder={t('review.check.comment.placeholder')} />
        </Form.Item>
        {editable && (
          <Form.Item style={{ marginInlineEnd: 0 }}>
            <Button htmlType="submit" loading={busy}>{t('review.check.save')}</Button>
          </Form.Item>
        )}
      </Form>
      {v && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('review.check.reviewedAt', { at: formatBeijing(v.reviewedAt) })}
        </Typography.Text>
      )}
    </section>
  );
}

/** A slot the enterprise declared not to apply (M5.6, M7.4): listed with why, and no verdict is taken. */
function NotApplicableRow({ item }: { item: ChecklistItem }) {
  const { t, locale } = useI18n();
  return (
    <section data-testid={`checklist-${item.slotId}`} aria-label={itemName(item, locale)} style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }}>
      <Space wrap size={[8, 4]}>
        <Typography.Text type="secondary">{t('review.check.itemTitle', { n: item.item, name: itemName(item, locale) })}</Typography.Text>
        <Tag>{t('review.check.notApplicable')}</Tag>
        <Typography.Text type="secondary">{declaredWhy(item, locale)}</Typography.Text>
      </Space>
    </section>
  );
}

/** The formal review sheet (M7.4): one row per checklist item, the files beside it. */
export function Checklist({ applicationId, items, files, editable, open, onView, onSaved }: {
  applicationId: string;
  items: ChecklistItem[];
  files: MaterialFile[];
  editable: boolean;
  /** Open items to show at their rows (after a refused recommendation). */
  open: OpenReviewItem[];
  onView(file: MaterialFile): void;
  onSaved(sheet: FormalReviewSheet): void;
}) {
  const { t } = useI18n();
  const applicable = items.filter((i) => i.applies);
  const done = applicable.filter((i) => i.verdict).length;
  const inChecklist = new Set(applicable.map((i) => i.slotId));
  const others = files.filter((f) => !inChecklist.has(f.slotId));
  return (
    <Card title={t('review.checklist.title')} extra={<Typography.Text type="secondary">{t('review.checklist.progress', { done, total: applicable.length })}</Typography.Text>}>
      {!editable && <Typography.Paragraph type="secondary">{t('review.checklist.readOnly')}</Typography.Paragraph>}
      {items.length === 0 ? (
        <Empty description={t('review.checklist.empty')} />
      ) : (
        items.map((item) =>
          item.applies ? (
            <ChecklistRow
              key={item.slotId}
              applicationId={applicationId}
              item={item}
              files={files.filter((f) => f.slotId === item.slotId)}
              editable={editable}
              open={openAt(open, `materials.${item.slotId}`)}
              onView={onView}
              onSaved={onSaved}
            />
          ) : (
            <NotApplicableRow key={item.slotId} item={item} />
          ),
        )
      )}
      {others.length > 0 && (
        <div style={{ paddingTop: 12 }}>
          <Typography.Text strong>{t('review.files.others')}</Typography.Text>
          <SlotFiles applicationId={applicationId} files={others} onView={onView} />
        </div>
      )}
    </Card>
  );
}

interface VerificationForm {
  kind?: components['schemas']['RecordVerificationV1']['kind'];
  performedOn?: Dayjs;
  note?: string;
}

/** Verification actions of M12.1 (originals checked, site visit): recorded with the date and a note. */
export function Verifications({ applicationId, actions, editable, onSaved }: { applicationId: string; actions: VerificationAction[]; editable: boolean; onSaved(sheet: FormalReviewSheet): void }) {
  const { t, tk, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VerificationForm>();
  const [busy, setBusy] = useState(false);
  const record = async (v: VerificationForm) => {
    setBusy(true);
    try {
      const body = { kind: v.kind!, performedOn: v.performedOn!.format('YYYY-MM-DD'), note: (v.note ?? '').trim() };
      const sheet = await unwrap<FormalReviewSheet>(api.POST('/api/preliminary-review/applications/{id}/verifications', { params: { path: { id: applicationId } }, body }));
      message.success(t('review.verification.saved'));
      form.resetFields();
      onSaved(sheet);
    } catch (err) {
      showProblem(err, title, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('review.verification.title')}>
      <Table<VerificationAction>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={actions}
        locale={{ emptyText: t('review.verification.empty') }}
        columns={[
          { title: t('review.verification.kind'), render: (_, a) => tk('review.verification.kind', a.kind) },
          { title: t('review.verification.performedOn'), dataIndex: 'performedOn' },
          { title: t('review.verification.note'), dataIndex: 'note' },
          { title: t('review.verification.recordedAt'), render: (_, a) => formatBeijing(a.recordedAt) },
        ]}
        style={{ marginBottom: editable ? 16 : 0 }}
      />
      {editable && (
        <Form form={form} name="verification" layout="vertical" onFinish={record} initialValues={{ kind: 'ORIGINALS_CHECKED', performedOn: beijingToday() }}>
          <Space wrap align="start">
            <Form.Item name="kind" label={t('review.verification.kind')} rules={[{ required: true, message: t('review.verification.kind.required') }]}>
              <Select
                style={{ width: 180 }}
                options={(['ORIGINALS_CHECKED', 'SITE_VISIT'] as const).map((k) => ({ value: k, label: tk('review.verification.kind', k) }))}
              />
            </Form.Item>
            <Form.Item name="performedOn" label={t('review.verification.performedOn')} rules={[{ required: true, message: t('review.verification.performedOn.required') }]}>
              <DatePicker style={{ width: 160 }} disabledDate={(d) => d.isAfter(beijingToday(), 'day')} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('review.verification.note')} rules={[{ required: true, whitespace: true, message: t('review.verification.note.required') }, { max: 2000 }]}>
            <Input.TextArea rows={2} placeholder={t('review.verification.note.placeholder')} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>{t('review.verification.record')}</Button>
        </Form>
      )}
    </Card>
  );
}

