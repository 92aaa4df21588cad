import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../../../../shared/i18n/i18n';
import { BREAKTHROUGH_KINDS } from './questions';

/** M2.1: what the product breaks through (principle, technical route, structure, process), row by row. */
export function Breakthroughs({ disabled }: { disabled: boolean }) {
  const { t, tk } = useI18n();
  return (
    <Form.Item label={t('form.decl.breakthroughs')} required extra={t('form.decl.breakthroughs.help')}>
      <Form.List name={['declarations', 'breakthroughs']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap="small" data-testid="breakthroughs">
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top">
                <Col flex="180px">
                  <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 0 }}>
                    <Select
                      aria-label={t('form.decl.breakthrough.kind')}
                      placeholder={t('form.decl.breakthrough.kind')}
                      disabled={disabled}
                      options={BREAKTHROUGH_KINDS.map((k) => ({
                        value: k,
                        label: tk('form.decl.breakthrough.kind', k),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item
                    name={[f.name, 'description']}
                    style={{ marginBottom: 0 }}
                    rules={[{ max: 2000 }]}
                  >
                    <Input.TextArea
                      aria-label={t('form.decl.breakthrough.description')}
                      placeholder={t('form.decl.breakthrough.description')}
                      autoSize
                      disabled={disabled}
                    />
                  </Form.Item>
                </Col>
                {!disabled && (
                  <Col>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('form.decl.breakthrough.remove')}
                      onClick={() => remove(f.name)}
                    />
                  </Col>
                )}
              </Row>
            ))}
            {!disabled && (
              <Button icon={<PlusOutlined />} onClick={() => add()}>
                {t('form.decl.breakthrough.add')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
