import { Card, Col, DatePicker, Form, Input, Row } from 'antd';
import { useI18n } from '../../../../../shared/i18n/i18n';

/** The first sale: when, to whom, under which contract. */
export function FirstSaleCard({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('form.firstSale')}>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name={['firstSale', 'date']} label={t('form.firstSale.date')}>
            <DatePicker format="YYYY-MM-DD" disabled={disabled} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['firstSale', 'customer']} label={t('form.firstSale.customer')}>
            <Input maxLength={200} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['firstSale', 'contractNo']} label={t('form.firstSale.contractNo')}>
            <Input maxLength={100} disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
