import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, InputNumber, Row } from 'antd';
import { useI18n } from '../../../../../shared/i18n/i18n';
import { ROW_BUTTON } from './row-button';

/** Sales by year: units and revenue (up to 10 years). */
export function SalesRows({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('form.sales')}>
      <Form.List name="sales">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <p>{t('form.sales.empty')}</p>}
            {fields.map((field, i) => (
              <Row
                key={field.key}
                gutter={8}
                align="top"
                role="group"
                aria-label={t('form.sales.row', { n: i + 1 })}
              >
                <Col span={6}>
                  <Form.Item name={[field.name, 'year']} label={t('form.sales.year', { n: i + 1 })}>
                    <InputNumber precision={0} style={{ width: '100%' }} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[field.name, 'units']} label={t('form.sales.units')}>
                    <InputNumber precision={0} min={0} style={{ width: '100%' }} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[field.name, 'revenueWanYuan']} label={t('form.sales.revenue')}>
                    <InputNumber min={0} precision={2} style={{ width: '100%' }} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  {!disabled && (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('form.sales.remove', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                      style={ROW_BUTTON}
                    />
                  )}
                </Col>
              </Row>
            ))}
            {!disabled && fields.length < 10 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('form.sales.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}
