import { Alert, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { problemOf } from '../../shared/ui/states';
import { inLocale, PHONE_PATTERN, RECEIPT_PATTERN, STATUS_COLOR, type ObjectionFollow } from '../../features/objections/types';

interface Values {
  receiptNo: string;
  phone: string;
}

/** What the objector sees of the case: status, dates and the outcome with its reasons (ADR 0025). */
function CaseView({ c }: { c: ObjectionFollow }) {
  const { t, locale } = useI18n();
  const outcome = c.inadmissibleReason ?? c.outcomeReason;
  return (
    <Descriptions column={1} layout="vertical" bordered size="small" data-testid="objection-case">
      <Descriptions.Item label={t('objections.follow.receiptNo')}>{c.receiptNo}</Descriptions.Item>
      <Descriptions.Item label={t('objections.status')}><Tag color={STATUS_COLOR[c.status]}>{inLocale(locale, c.statusLabel)}</Tag></Descriptions.Item>
      <Descriptions.Item label={t('objections.follow.lodgedAt')}>{formatBeijing(c.lodgedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('objections.follow.entry')}>{`${c.entry.enterpriseName} · ${c.entry.productName}（${c.entry.model}）`}</Descriptions.Item>
      <Descriptions.Item label={t('objections.follow.files')}>
        {c.attachments.length ? c.attachments.map((a) => <div key={a.sha256}>{a.fileName}</div>) : <Typography.Text type="secondary">{t('objections.files.none')}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={c.inadmissibleReason ? t('objections.follow.inadmissible') : t('objections.follow.outcome')}>
        {outcome ?? <Typography.Text type="secondary">{t('objections.follow.pending')}</Typography.Text>}
      </Descriptions.Item>
      {(c.decidedAt ?? c.assessedAt) && outcome && <Descriptions.Item label={t('objections.follow.decidedAt')}>{formatBeijing(c.decidedAt ?? c.assessedAt)}</Descriptions.Item>}
    </Descriptions>
  );
}

/** The objector follows the case with the receipt number and the phone; a wrong pair says only that. */
export function ObjectionFollowPage() {
  const { t, title } = useI18n();
  const [found, setFound] = useState<ObjectionFollow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const receiptNo = v.receiptNo.trim().toUpperCase();
      setFound(await unwrap<ObjectionFollow>(api.GET('/api/public/objections/{receiptNo}', { params: { path: { receiptNo }, query: { phone: v.phone.trim() } } })));
    } catch (err) {
      setFound(null);
      const problem = problemOf(err);
      setError(problem?.status === 404 ? t('objections.follow.notFound') : title(problem?.title ?? t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('objections.follow.title')} style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Paragraph>{t('objections.follow.intro')}</Typography.Paragraph>
      <Form<Values> name="objection-follow" layout="vertical" onFinish={onFinish}>
        <Form.Item name="receiptNo" label={t('objections.follow.receiptNo')} normalize={(v: string) => v.toUpperCase()} rules={[{ required: true, pattern: RECEIPT_PATTERN, message: t('objections.follow.receiptNo.invalid') }]}>
          <Input placeholder="2026-XXXX-XXXX" maxLength={14} autoCapitalize="characters" />
        </Form.Item>
        <Form.Item name="phone" label={t('objections.form.phone')} rules={[{ required: true, pattern: PHONE_PATTERN, message: t('objections.form.phone.invalid') }]}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>{t('objections.follow.query')}</Button>
      </Form>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} />}
      {found && <div style={{ marginTop: 16 }}><CaseView c={found} /></div>}
    </Card>
  );
}
