import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input } from 'antd';
import { useI18n } from '../../../../../shared/i18n/i18n';
import { ROW_BUTTON } from './row-button';

/** The innovation points, one text each (up to 20). */
export function InnovationPoints({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('form.innovation')}>
      <Form.List name="innovationPoints">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Flex key={field.key} gap="small" align="flex-start">
                <Form.Item
                  name={field.name}
                  label={t('form.innovation.point', { n: i + 1 })}
                  style={{ flex: 1 }}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    maxLength={2000}
                    showCount
                    disabled={disabled}
                  />
                </Form.Item>
                {!disabled && (
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('form.innovation.remove', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                    style={ROW_BUTTON}
                  />
                )}
              </Flex>
            ))}
            {!disabled && fields.length < 20 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                {t('form.innovation.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}
