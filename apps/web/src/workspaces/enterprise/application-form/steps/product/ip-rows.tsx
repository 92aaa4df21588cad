import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../../../../shared/i18n/i18n';
import { BASES_WITH_COUNTERPARTY } from '../../draft';
import { ROW_BUTTON } from './row-button';

export const IP_KINDS = [
  'invention_patent',
  'utility_model',
  'design_patent',
  'software_copyright',
  'trademark',
  'other',
] as const;
export const IP_BASES = ['owned', 'assigned_ownership', 'assigned_use_right', 'none'] as const;

const basisOf = (values: { ipList?: Array<{ basis?: string } | undefined> }, row: number) => values.ipList?.[row]?.basis;

/** The intellectual property the product rests on, and how the enterprise holds each right (M5.3). */
export function IpRows({ disabled }: { disabled: boolean }) {
  const { t, tk } = useI18n();
  return (
    <Card size="small" title={t('form.ip')}>
      <Form.List name="ipList">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <p>{t('form.ip.empty')}</p>}
            {fields.map((field, i) => (
              <Row
                key={field.key}
                gutter={8}
                align="top"
                role="group"
                aria-label={t('form.ip.row', { n: i + 1 })}
              >
                <Col span={5}>
                  <Form.Item name={[field.name, 'kind']} label={t('form.ip.kind', { n: i + 1 })}>
                    <Select
                      options={IP_KINDS.map((k) => ({ value: k, label: tk('form.ipKind', k) }))}
                      disabled={disabled}
                    />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[field.name, 'number']} label={t('form.ip.number')}>
                    <Input maxLength={100} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[field.name, 'title']} label={t('form.ip.title')}>
                    <Input maxLength={200} disabled={disabled} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[field.name, 'basis']} label={t('form.ip.basis')}>
                    <Select
                      options={IP_BASES.map((k) => ({ value: k, label: tk('form.ipBasis', k) }))}
                      disabled={disabled}
                    />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  {!disabled && (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('form.ip.remove', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                      style={ROW_BUTTON}
                    />
                  )}
                </Col>
                {/* M5.3: an assigned or licensed right names who assigned or licensed it (the M11.1 conflict check's partners). */}
                <Form.Item noStyle shouldUpdate={(a, b) => basisOf(a, field.name) !== basisOf(b, field.name)}>
                  {({ getFieldValue }) =>
                    BASES_WITH_COUNTERPARTY.includes(getFieldValue(['ipList', field.name, 'basis'])) && (
                      <>
                        <Col span={10} offset={5}>
                          <Form.Item
                            name={[field.name, 'counterparty', 'name']}
                            label={t('form.ip.counterparty.name', { n: i + 1 })}
                            extra={t('form.ip.counterparty.help')}
                          >
                            <Input maxLength={200} disabled={disabled} />
                          </Form.Item>
                        </Col>
                        <Col span={7}>
                          <Form.Item name={[field.name, 'counterparty', 'uscc']} label={t('form.ip.counterparty.uscc', { n: i + 1 })}>
                            <Input maxLength={18} disabled={disabled} style={{ textTransform: 'uppercase' }} />
                          </Form.Item>
                        </Col>
                      </>
                    )
                  }
                </Form.Item>
              </Row>
            ))}
            {!disabled && fields.length < 100 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('form.ip.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}
