import { Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, theme } from 'antd';
import { EQUIPMENT_FIELDS_CATALOGUE } from '@firstset/domain';
import type { ApplicationDraft } from '../../../../../shared/api/views';
import { useI18n } from '../../../../../shared/i18n/i18n';
import { useMaterialCategories } from '../../material-categories';

/** The product: its number and kind, its name, dates and model, and its field in the catalogue (M4.2, M4.3). */
export function IdentityCard({
  application,
  disabled,
}: {
  application: ApplicationDraft;
  disabled: boolean;
}) {
  const { t, tk, locale } = useI18n();
  const { token } = theme.useToken();
  const material = application.productKind === 'FIRST_BATCH_MATERIAL';
  const categories = useMaterialCategories(application, material);
  const catalogue = EQUIPMENT_FIELDS_CATALOGUE.entries.map((e) => ({
    value: e.code,
    label: `${e.code.replace(/^EF/, '')} ${locale === 'en' ? e.nameEn : e.nameZh}`,
  }));
  return (
    <Card size="small" title={t('form.product.identity')}>
      <Descriptions size="small" column={2} style={{ marginBottom: token.margin }}>
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
            <Form.Item
              name="catalogueEntryCode"
              label={t('form.product.materialCategory')}
              extra={t('form.product.materialCategory.help')}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={categories}
                placeholder={t('form.product.materialCategory.placeholder')}
                disabled={disabled}
                data-testid="material-category"
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="catalogueEntryCode"
              label={t('form.product.field')}
              extra={t('form.product.field.help')}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={catalogue}
                placeholder={t('form.product.field.placeholder')}
                disabled={disabled}
              />
            </Form.Item>
          )}
        </Col>
      </Row>
    </Card>
  );
}
