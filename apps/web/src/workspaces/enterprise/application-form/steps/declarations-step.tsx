import { Card, Col, Flex, Form, Row, Select, Typography } from 'antd';
import { useI18n } from '../../../../shared/i18n/i18n';
import { Accidents } from './declarations/accidents';
import { DefinitionFacts } from './declarations/definition-facts';
import { DECLARATION_GROUPS, LEGAL_FORMS } from './declarations/questions';
import { YesNo } from './declarations/yes-no';

/**
 * Step 2: the facts of the definition (M2) and every condition (M5) and exclusion (M6) the
 * applicant declares, each one required (a blank answer blocks the submission).
 */
export function DeclarationsStep({ disabled, productKind }: { disabled: boolean; productKind: string }) {
  const { t, tk } = useI18n();
  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph type="secondary">{t('form.decl.intro')}</Typography.Paragraph>
      <DefinitionFacts productKind={productKind} disabled={disabled} />
      {DECLARATION_GROUPS.map((g) => (
        <Card key={g.id} size="small" title={t(g.title)} extra={g.help && <Typography.Text type="secondary">{t(g.help)}</Typography.Text>}>
          {g.id === 'M5.1' && (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name={['declarations', 'legalForm']} label={t('form.decl.legalForm')} required>
                  <Select allowClear disabled={disabled} options={LEGAL_FORMS.map((f) => ({ value: f, label: tk('form.legalForm', f) }))} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Row gutter={16}>
            {g.questions.map((q) =>
              q.when ? (
                <Form.Item key={q.key} noStyle shouldUpdate={(a, b) => a.declarations?.[q.when!] !== b.declarations?.[q.when!]}>
                  {({ getFieldValue }) =>
                    getFieldValue(['declarations', q.when!]) === true && (
                      <Col span={12}>
                        <Form.Item name={['declarations', q.key]} label={t(q.label)} required>
                          <YesNo label={t(q.label)} disabled={disabled} />
                        </Form.Item>
                      </Col>
                    )
                  }
                </Form.Item>
              ) : (
                <Col key={q.key} span={12}>
                  <Form.Item name={['declarations', q.key]} label={t(q.label)} required>
                    <YesNo label={t(q.label)} disabled={disabled} />
                  </Form.Item>
                </Col>
              ),
            )}
          </Row>
          {g.id === 'M5.1' && (
            <Row gutter={16}>
              <Col span={12}>
                <Accidents which="safety" label="form.decl.safetyAccidents" datesLabel="form.decl.safetyAccidentDates" disabled={disabled} />
              </Col>
              <Col span={12}>
                <Accidents which="environmental" label="form.decl.environmentalAccidents" datesLabel="form.decl.environmentalAccidentDates" disabled={disabled} />
              </Col>
            </Row>
          )}
        </Card>
      ))}
    </Flex>
  );
}
