import { Alert, Card, Descriptions, Empty, List, Space, Tag, theme, Typography } from 'antd';
import type { ReviewCase, ReviewCredit } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';

function yesNo(value: boolean | undefined, t: ReturnType<typeof useI18n>['t']) {
  if (value === undefined) return <Tag>{t('review.credit.unknown')}</Tag>;
  return value ? <Tag color="error">{t('review.credit.found')}</Tag> : <Tag color="success">{t('review.credit.none')}</Tag>;
}

/** The credit check made at submission (M5.1) and, without a yes/no, the officer's duty to verify the report (M7.4(2)). */
export function CreditPanel({ credit }: { credit: ReviewCredit | null }) {
  const { t, tk } = useI18n();
  const { token } = theme.useToken();
  const verify = !credit || credit.verifyCreditReport;
  return (
    <Card title={t('review.credit.title')} data-testid="credit-panel" style={{ height: '100%' }}>
      {verify && <Alert type="warning" showIcon style={{ marginBottom: token.marginSM }} title={t('review.credit.verify')} description={t('review.credit.verify.detail')} />}
      {credit ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('review.credit.source')}>{tk('review.credit.source', credit.source, t('review.credit.source.other'))}</Descriptions.Item>
          <Descriptions.Item label={t('review.credit.checkedAt')}>{formatBeijing(credit.checkedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('review.credit.seriousDishonesty')}>{yesNo(credit.seriousDishonesty, t)}</Descriptions.Item>
          <Descriptions.Item label={t('review.credit.abnormalOperations')}>{yesNo(credit.abnormalOperations, t)}</Descriptions.Item>
          {credit.reference && <Descriptions.Item label={t('review.credit.reference')}>{credit.reference}</Descriptions.Item>}
          {credit.note && <Descriptions.Item label={t('review.credit.note')}>{credit.note}</Descriptions.Item>}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('review.credit.missing')}</Typography.Text>
      )}
    </Card>
  );
}

/** Intake's findings for a human look, each with its Measures ID. */
export function FlagsPanel({ flags }: { flags: ReviewCase['flags'] }) {
  const { t, tk } = useI18n();
  return (
    <Card title={t('review.flags.title', { count: flags.length })} data-testid="flags-panel" style={{ height: '100%' }}>
      {flags.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.flags.empty')} />
      ) : (
        <List
          size="small"
          dataSource={flags}
          renderItem={(f) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <Space size={4} wrap>
                  <Tag color="blue">{f.measuresId}</Tag>
                  {f.field && tk('review.field', f.field, '') && <Tag>{tk('review.field', f.field, '')}</Tag>}
                </Space>
                <Typography.Text>{f.message}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
