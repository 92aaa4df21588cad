import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { EQUIPMENT_FIELDS_CATALOGUE } from '@firstset/domain';
import type { ApplicationDraft } from '../../../../shared/api/views';
import { useI18n } from '../../../../shared/i18n/i18n';
import { useMaterialCategories } from '../material-categories';

export const IP_KINDS = ['invention_patent', 'utility_model', 'design_patent', 'software_copyright', 'trademark', 'other'] as const;
export const IP_BASES = ['owned', 'assigned_ownership', 'assigned_use_right', 'none'] as const;

/** Step 1: the product, its field in the catalogue (M4.2), first sale, innovation, indicators, IP and sales. */
export function ProductStep({ application, disabled }: { application: ApplicationDraft; disabled: boolean }) {
  const { t, tk, locale } = useI18n();
  const material = application.productKind === 'FIRST_BATCH_MATERIAL';
  const categories = useMaterialCategories(application, material);
  const catalogue = EQUIPMENT_FIELDS_CATALOGUE.entries.map((e) => ({ value: e.code, label: `${e.code.replace(/^EF/, '')} ${locale === 'en' ? e.nameEn : e.nameZh}` }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('form.product.identity')}>
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('application.no')}>{application.applicationNo}</Descriptions.Item>
          <Descriptions.Item label={t('application.productKind')}>
            <span data-testid="product-kind">{tk('productKind', application.productKind)}</span>
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="productName" label={t('application.productName')}>
              <Input maxLength={200} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="rdCompletedOn" label={t('application.rdCompletedOn')}>
              <DatePicker format="YYYY-MM-DD" disabled={disabled} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="series" label={t('application.series')}>
              <Input maxLength={100} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="model" label={t('application.model')}>
              <Input maxLength={100} disabled={disabled} />
            </Form.Item>
          </Col>
          <Col span={24}>
            {material ? (
              <Form.Item name="catalogueEntryCode" label={t('form.product.materialCategory')} extra={t('form.product.materialCategory.help')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={categories} placeholder={t('form.product.materialCategory.placeholder')} disabled={disabled} data-testid="material-category" />
              </Form.Item>
            ) : (
              <Form.Item name="catalogueEntryCode" label={t('form.product.field')} extra={t('form.product.field.help')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={catalogue} placeholder={t('form.product.field.placeholder')} disabled={disabled} />
              </Form.Item>
            )}
          </Col>
        </Row>
      </Card>

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

      <Card size="small" title={t('form.innovation')}>
        <Form.List name="innovationPoints">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item name={field.name} label={t('form.innovation.point', { n: i + 1 })} style={{ flex: 1 }}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount disabled={disabled} />
                  </Form.Item>
                  {!disabled && (
                    <Button icon={<DeleteOutlined />} aria-label={t('form.innovation.remove', { n: i + 1 })} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                  )}
                </div>
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

      <Card size="small" title={t('form.indicators')} extra={t('form.indicators.help')}>
        <Form.List name="performanceIndicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Row key={field.key} gutter={8} align="top" role="group" aria-label={t('form.indicators.row', { n: i + 1 })}>
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
                    {!disabled && <Button icon={<DeleteOutlined />} aria-label={t('form.indicators.remove', { n: i + 1 })} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />}
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

      <Card size="small" title={t('form.ip')}>
        <Form.List name="ipList">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <p>{t('form.ip.empty')}</p>}
              {fields.map((field, i) => (
                <Row key={field.key} gutter={8} align="top" role="group" aria-label={t('form.ip.row', { n: i + 1 })}>
                  <Col span={5}>
                    <Form.Item name={[field.name, 'kind']} label={t('form.ip.kind', { n: i + 1 })}>
                      <Select options={IP_KINDS.map((k) => ({ value: k, label: tk('form.ipKind', k) }))} disabled={disabled} />
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
                      <Select options={IP_BASES.map((k) => ({ value: k, label: tk('form.ipBasis', k) }))} disabled={disabled} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    {!disabled && <Button icon={<DeleteOutlined />} aria-label={t('form.ip.remove', { n: i + 1 })} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />}
                  </Col>
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

      <Card size="small" title={t('form.sales')}>
        <Form.List name="sales">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <p>{t('form.sales.empty')}</p>}
              {fields.map((field, i) => (
                <Row key={field.key} gutter={8} align="top" role="group" aria-label={t('form.sales.row', { n: i + 1 })}>
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
                    {!disabled && <Button icon={<DeleteOutlined />} aria-label={t('form.sales.remove', { n: i + 1 })} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />}
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
    </Space>
  );
}
