import { Button, Descriptions, Result, theme, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { ApplicationDraft, Material } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import { saveBlob } from '../../../shared/ui/save-file';
import { receiptHtml, receiptName } from './receipt';

/** After submitting (M10.1): what was submitted, when, with which pledge, and the receipt to download. */
export function SubmissionReceipt({ application, materials, slotName }: { application: ApplicationDraft; materials: Material[]; slotName(id: string): string }) {
  const { t, tk, locale } = useI18n();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const when = formatBeijing(application.submittedAt, 'second');
  const pledgeText = application.pledge && (locale === 'en' ? application.pledge.textEn : application.pledge.textZh);
  const download = () => {
    const rows: Array<[string, string]> = [
      [t('application.no'), application.applicationNo],
      [t('form.receipt.time'), when],
      [t('application.productName'), application.productName],
      [t('application.model'), application.model],
      [t('application.productKind'), tk('productKind', application.productKind)],
      [t('application.state'), tk('state', application.state)],
      [t('form.receipt.version'), String(application.version)],
    ];
    if (application.contentSha256) rows.push([t('form.receipt.contentHash'), application.contentSha256]);
    if (application.pledge && pledgeText) rows.push([t('form.receipt.pledgeVersion'), application.pledge.version], [t('form.receipt.pledge'), pledgeText]);
    const html = receiptHtml(
      {
        title: t('form.receipt.title'),
        rows,
        materialsTitle: t('form.receipt.materials'),
        materialHeads: [t('form.receipt.slot'), t('form.receipt.file'), t('form.receipt.hash')],
        note: t('form.receipt.note'),
      },
      materials.map((m) => ({ slot: slotName(m.slotId), fileName: m.fileName, sha256: m.sha256 })),
      locale,
    );
    saveBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), receiptName(application));
  };
  return (
    <Result
      status="success"
      title={t('form.receipt.submitted')}
      subTitle={t('form.receipt.subtitle')}
      extra={[
        <Button key="download" type="primary" onClick={download}>{t('form.receipt.download')}</Button>,
        <Button key="detail" onClick={() => void navigate(`/enterprise/applications/${application.id}`)}>{t('form.receipt.toDetail')}</Button>,
      ]}
    >
      <Descriptions bordered size="small" column={1} data-testid="receipt">
        <Descriptions.Item label={t('application.no')}>{application.applicationNo}</Descriptions.Item>
        <Descriptions.Item label={t('form.receipt.time')}>{when}</Descriptions.Item>
        <Descriptions.Item label={t('application.state')}>{tk('state', application.state)}</Descriptions.Item>
        <Descriptions.Item label={t('form.receipt.materials')}>{t('form.receipt.count', { count: materials.length })}</Descriptions.Item>
        {application.contentSha256 && (
          <Descriptions.Item label={t('form.receipt.contentHash')}>
            <Typography.Text code copyable data-testid="receipt-hash">{application.contentSha256}</Typography.Text>
          </Descriptions.Item>
        )}
        {application.pledge && (
          <Descriptions.Item label={t('form.receipt.pledge')}>
            <Typography.Paragraph style={{ marginBottom: token.marginXXS }} data-testid="receipt-pledge">
              {pledgeText}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('form.pledge.version', { version: application.pledge.version })}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Result>
  );
}
