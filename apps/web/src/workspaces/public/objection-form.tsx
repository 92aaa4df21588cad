import { Alert, App, Button, Card, Form, Input, Radio, Result, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../../shared/api/query';
import { problemOf } from '../../shared/ui/states';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_FILES, uploadEvidence } from '../../features/objections/evidence-upload';
import { PHONE_PATTERN } from '../../features/objections/types';

interface Values {
  objectorName: string;
  objectorKind: 'individual' | 'organization';
  phone: string;
  email?: string;
  grounds: string;
}

/**
 * Anyone objects to an entry of a publicized list, without an account (M9.2; ADR 0025): the
 * entry comes from the public notice (`?entry=`); the evidence goes up after the objection is
 * lodged, with its receipt number; the receipt is what the objector keeps to follow the case.
 */
export function ObjectionFormPage() {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const entryId = params.get('entry') ?? '';
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [receipt, setReceipt] = useState<{ receiptNo: string; failures: string[] } | null>(null);
  const lodging = $api.useMutation('post', '/api/public/objections');

  const lodge = async (v: Values) => {
    try {
      const done = await lodging.mutateAsync({ body: { ...v, entryId, email: v.email?.trim() || undefined, grounds: v.grounds.trim() } });
      const failures: string[] = [];
      for (const f of files) {
        try {
          await uploadEvidence(done.receiptNo, v.phone, f.originFileObj as File);
        } catch (err) {
          failures.push(t('objections.form.fileFailed', { name: f.name, reason: title(problemOf(err)?.title ?? '') }));
        }
      }
      setReceipt({ receiptNo: done.receiptNo, failures });
    } catch (err) {
      showProblem(err, title, message, form);
    }
  };
  const onFinish = (v: Values) => modal.confirm({ title: t('objections.form.confirm'), okText: t('objections.form.submit'), cancelText: t('common.cancel'), onOk: () => lodge(v) });

  if (receipt) {
    return (
      <Card>
        <Result
          status="success"
          title={t('objections.form.done')}
          subTitle={<Typography.Text copyable={{ text: receipt.receiptNo }} strong data-testid="receipt-no">{t('objections.form.receipt', { receiptNo: receipt.receiptNo })}</Typography.Text>}
          extra={<Link to="/public/objections/follow">{t('objections.form.follow')}</Link>}
        >
          <Typography.Paragraph>{t('objections.form.receipt.hint')}</Typography.Paragraph>
          {receipt.failures.map((f) => <Alert key={f} type="warning" showIcon title={f} />)}
        </Result>
      </Card>
    );
  }
  return (
    <Card title={t('objections.form.title')} style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Paragraph>{t('objections.form.intro')}</Typography.Paragraph>
      {!entryId && <Alert type="info" showIcon title={t('objections.form.noEntry')} />}
      <Form<Values> form={form} name="objection" layout="vertical" onFinish={onFinish} initialValues={{ objectorKind: 'individual' }} disabled={!entryId}>
        <Form.Item name="objectorKind" label={t('objections.form.kind')}>
          <Radio.Group options={[{ value: 'individual', label: t('objections.form.kind.individual') }, { value: 'organization', label: t('objections.form.kind.organization') }]} />
        </Form.Item>
        <Form.Item name="objectorName" label={t('objections.form.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('objections.form.name') }) }]}>
          <Input maxLength={100} autoComplete="name" />
        </Form.Item>
        <Form.Item name="phone" label={t('objections.form.phone')} extra={t('objections.form.phone.hint')} rules={[{ required: true, pattern: PHONE_PATTERN, message: t('objections.form.phone.invalid') }]}>
          <Input inputMode="tel" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="email" label={t('objections.form.email')} rules={[{ type: 'email' }]}>
          <Input inputMode="email" autoComplete="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="grounds" label={t('objections.form.grounds')} extra={t('objections.form.grounds.hint')} rules={[{ required: true, min: 10, whitespace: true, message: t('objections.form.grounds.hint') }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item label={t('objections.form.files')} extra={t('objections.form.files.hint')}>
          <Upload
            accept={EVIDENCE_ACCEPT}
            multiple
            fileList={files}
            beforeUpload={() => false}
            maxCount={EVIDENCE_MAX_FILES}
            onChange={({ fileList }) => setFiles(fileList.slice(0, EVIDENCE_MAX_FILES))}
          >
            <Button>{t('objections.form.files')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={lodging.isPending}>{t('objections.form.submit')}</Button>
      </Form>
    </Card>
  );
}
