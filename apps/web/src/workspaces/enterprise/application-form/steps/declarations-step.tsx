import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { MessageKey } from '../../../../shared/i18n/zh-CN';
import { useI18n } from '../../../../shared/i18n/i18n';

export const LEGAL_FORMS = ['legal_person_enterprise', 'branch', 'sole_trader', 'farmer_cooperative', 'other'] as const;

type Question = { key: string; label: MessageKey; when?: string };

/** The declarations of M5 (conditions) and M6 (exclusions), grouped by article. */
export const DECLARATION_GROUPS: Array<{ id: string; title: MessageKey; help?: MessageKey; questions: Question[] }> = [
  {
    id: 'M5.1',
    title: 'form.decl.group.M5.1',
    questions: [
      { key: 'operatingNormally', label: 'form.decl.operatingNormally' },
      { key: 'wellManaged', label: 'form.decl.wellManaged' },
      { key: 'taxCompliant', label: 'form.decl.taxCompliant' },
      { key: 'goodCredit', label: 'form.decl.goodCredit' },
    ],
  },
  {
    id: 'M5.2',
    title: 'form.decl.group.M5.2',
    questions: [
      { key: 'ownRd', label: 'form.decl.ownRd' },
      { key: 'ownManufacturing', label: 'form.decl.ownManufacturing' },
      { key: 'ownIntegration', label: 'form.decl.ownIntegration' },
      { key: 'technicalTeam', label: 'form.decl.technicalTeam' },
      { key: 'scaleProduction', label: 'form.decl.scaleProduction' },
    ],
  },
  {
    id: 'M5.3',
    title: 'form.decl.group.M5.3',
    questions: [
      { key: 'mastersKeyTechnologyAndProcess', label: 'form.decl.mastersKeyTechnologyAndProcess' },
      { key: 'ownsOwnBrand', label: 'form.decl.ownsOwnBrand' },
      { key: 'ownsRegisteredTrademark', label: 'form.decl.ownsRegisteredTrademark' },
      { key: 'ipSharedBySeveralParties', label: 'form.decl.ipSharedBySeveralParties' },
    ],
  },
  {
    id: 'M5.4',
    title: 'form.decl.group.M5.4',
    questions: [
      { key: 'fitsIndustrialPolicy', label: 'form.decl.fitsIndustrialPolicy' },
      { key: 'developedInRegion', label: 'form.decl.developedInRegion' },
      { key: 'manufacturedInRegion', label: 'form.decl.manufacturedInRegion' },
    ],
  },
  {
    id: 'M5.6',
    title: 'form.decl.group.M5.6',
    questions: [
      { key: 'productionLicenceApplies', label: 'form.decl.productionLicenceApplies' },
      { key: 'hasProductionLicence', label: 'form.decl.hasProductionLicence', when: 'productionLicenceApplies' },
      { key: 'cccApplies', label: 'form.decl.cccApplies' },
      { key: 'hasCccCertificate', label: 'form.decl.hasCccCertificate', when: 'cccApplies' },
    ],
  },
  {
    id: 'M6',
    title: 'form.decl.group.M6',
    help: 'form.decl.group.M6.help',
    questions: [
      { key: 'developedOnlyForOwnUse', label: 'form.decl.developedOnlyForOwnUse' },
      { key: 'customOrderedFromOutside', label: 'form.decl.customOrderedFromOutside' },
      { key: 'madeWithIntroducedTechnology', label: 'form.decl.madeWithIntroducedTechnology' },
    ],
  },
];

export const EQUIPMENT_FORMS = ['complete_set', 'single_machine', 'key_component'] as const;
export const BREAKTHROUGH_KINDS = ['principle', 'technical_route', 'structure', 'process'] as const;

/** M2.1 / M2.2: the facts of the definition, not a bare yes/no (the wording follows the product's kind). */
function DefinitionFacts({ productKind, disabled }: { productKind: string; disabled: boolean }) {
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
    <Card size="small" title={t('form.decl.group.M2')} extra={<Typography.Text type="secondary">{t('form.decl.group.M2.help')}</Typography.Text>}>
      <Row gutter={16}>
        {yesNo('firstDevelopedInRegion', material ? 'form.decl.firstDevelopedInRegion.material' : 'form.decl.firstDevelopedInRegion')}
        {!material && yesNo('trialUseMetDesignRequirements', 'form.decl.trialUseMetDesignRequirements')}
        {yesNo('noMarketRecordYet', material ? 'form.decl.noMarketRecordYet.material' : 'form.decl.noMarketRecordYet')}
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
      <Form.Item label={t('form.decl.breakthroughs')} required extra={t('form.decl.breakthroughs.help')}>
        <Form.List name={['declarations', 'breakthroughs']}>
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="breakthroughs">
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col flex="180px">
                    <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 0 }}>
                      <Select
                        aria-label={t('form.decl.breakthrough.kind')}
                        placeholder={t('form.decl.breakthrough.kind')}
                        disabled={disabled}
                        options={BREAKTHROUGH_KINDS.map((k) => ({ value: k, label: tk('form.decl.breakthrough.kind', k) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'description']} style={{ marginBottom: 0 }} rules={[{ max: 2000 }]}>
                      <Input.TextArea aria-label={t('form.decl.breakthrough.description')} placeholder={t('form.decl.breakthrough.description')} autoSize disabled={disabled} />
                    </Form.Item>
                  </Col>
                  {!disabled && (
                    <Col>
                      <Button icon={<DeleteOutlined />} aria-label={t('form.decl.breakthrough.remove')} onClick={() => remove(f.name)} />
                    </Col>
                  )}
                </Row>
              ))}
              {!disabled && (
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  {t('form.decl.breakthrough.add')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Form.Item>
    </Card>
  );
}

/** A labelled yes/no: the radio group carries the question as its accessible name. */
function YesNo({ label, disabled, ...rest }: { label: string; disabled: boolean; value?: boolean; onChange?: (v: boolean) => void; id?: string }) {
  const { t } = useI18n();
  return (
    <Radio.Group
      {...rest}
      role="radiogroup"
      aria-label={label}
      disabled={disabled}
      onChange={(e) => rest.onChange?.(e.target.value as boolean)}
      options={[
        { value: true, label: t('common.yes') },
        { value: false, label: t('common.no') },
      ]}
    />
  );
}

function Accidents({ which, label, datesLabel, disabled }: { which: 'safety' | 'environmental'; label: MessageKey; datesLabel: MessageKey; disabled: boolean }) {
  const { t } = useI18n();
  const key = which === 'safety' ? 'safetyAccidentDates' : 'environmentalAccidentDates';
  return (
    <>
      <Form.Item name={['accidents', which]} label={t(label)} required>
        <YesNo label={t(label)} disabled={disabled} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.accidents?.[which] !== b.accidents?.[which]}>
        {({ getFieldValue }) =>
          getFieldValue(['accidents', which]) === true && (
            <Form.Item name={['declarations', key]} label={t(datesLabel)}>
              <DatePicker multiple format="YYYY-MM-DD" disabled={disabled} style={{ minWidth: 260 }} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

/**
 * Step 2: the facts of the definition (M2) and every condition (M5) and exclusion (M6) the
 * applicant declares, each one required (a blank answer blocks the submission).
 */
export function DeclarationsStep({ disabled, productKind }: { disabled: boolean; productKind: string }) {
  const { t, tk } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
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
    </Space>
  );
}
