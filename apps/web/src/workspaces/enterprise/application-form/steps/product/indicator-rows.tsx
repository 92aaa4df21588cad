import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row } from 'antd';
import { useI18n } from '../../../../../shared/i18n/i18n';
import { ROW_BUTTON } from './row-button';

/** The performance indicators against the best at home and abroad (up to 50 rows). */
export function IndicatorRows({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('form.indicators')} extra={t('form.indicators.help')}>
      <Form.List name="performanceIndicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Row
                key={field.key}
                gutter={8}
                align="top"
                role="group"
                aria-label={t('form.indicators.row', { n: i + 1 })}
              >
                <Col span={6}>
                  <Form.Item name={[field.name, 'name']} label={t('form.indicators.name', { n: i + 1 })}>
                    <Input maxLength={200} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[field.name, 'value']} label={t('form.indicators.value')}>
                    <Input maxLength={100} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[field.name, 'domestic']} label={t('form.indicators.domestic')}>
                    <Input maxLength={100} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[field.name, 'foreign']} label={t('form.indicators.foreign')}>
                    <Input maxLength={100} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  {!disabled && (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('form.indicators.remove', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                      style={ROW_BUTTON}
                    />
                  )}
                </Col>
              </Row>
            ))}
            {!disabled && fields.length < 50 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('form.indicators.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}
