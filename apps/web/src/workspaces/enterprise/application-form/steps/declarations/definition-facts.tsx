import { Card, Col, Form, Radio, Row, Typography } from 'antd';
import { useI18n } from '../../../../../shared/i18n/i18n';
import type { MessageKey } from '../../../../../shared/i18n/zh-CN';
import { Breakthroughs } from './breakthroughs';
import { EQUIPMENT_FORMS } from './questions';
import { YesNo } from './yes-no';

/** M2.1 / M2.2: the facts of the definition, not a bare yes/no (the wording follows the product's kind). */
export function DefinitionFacts({ productKind, disabled }: { productKind: string; disabled: boolean }) {
  const { t, tk } = useI18n();
  const material = productKind === 'FIRST_BATCH_MATERIAL';
  const yesNo = (key: string, label: MessageKey) => (
    <Col span={12}>
      <Form.Item name={['declarations', key]} label={t(label)} required>
        <YesNo label={t(label)} disabled={disabled} />
      </Form.Item>
    </Col>
  );
  return (
    <Card
      size="small"
      title={t('form.decl.group.M2')}
      extra={<Typography.Text type="secondary">{t('form.decl.group.M2.help')}</Typography.Text>}
    >
      <Row gutter={16}>
        {yesNo(
          'firstDevelopedInRegion',
          material ? 'form.decl.firstDevelopedInRegion.material' : 'form.decl.firstDevelopedInRegion',
        )}
        {!material && yesNo('trialUseMetDesignRequirements', 'form.decl.trialUseMetDesignRequirements')}
        {yesNo(
          'noMarketRecordYet',
          material ? 'form.decl.noMarketRecordYet.material' : 'form.decl.noMarketRecordYet',
        )}
        {!material && (
          <Col span={12}>
            <Form.Item name={['declarations', 'equipmentForm']} label={t('form.decl.equipmentForm')} required>
              <Radio.Group
                role="radiogroup"
                aria-label={t('form.decl.equipmentForm')}
                disabled={disabled}
                options={EQUIPMENT_FORMS.map((f) => ({ value: f, label: tk('form.decl.equipmentForm', f) }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Breakthroughs disabled={disabled} />
    </Card>
  );
}
