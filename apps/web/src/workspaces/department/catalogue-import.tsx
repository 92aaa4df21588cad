import { Alert, Card, Flex, Form, Input } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { $api, useInvalidate } from '../../shared/api/query';
import type { ScopeCatalogueView } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { SpreadsheetImport } from '../../features/spreadsheet-import/spreadsheet-import';

type Entry = ScopeCatalogueView['entries'][number];

/** The Department imports a version of the catalogue (M4.3): its version and source file named, then previewed and kept. */
export function CatalogueImport({ catalogue, columns }: { catalogue: { id: string; version: string }; columns: ColumnsType<Entry & { line: number }> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ version: string; source: string }>();
  const version = Form.useWatch('version', form);
  const source = Form.useWatch('source', form);
  const invalidate = useInvalidate();
  const importing = $api.useMutation('post', '/api/catalogues/imports', {
    onSuccess: (_, { body }) => (body.commit ? invalidate('/api/catalogues/{catalogueId}/{version}') : undefined),
  });
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });
  return (
    <Card title={t('catalogue.import')}>
      <Form form={form} layout="vertical" name="catalogue-import" initialValues={{ version: catalogue.version, source: '' }}>
        <Flex gap="large" wrap align="start">
          <Form.Item name="version" label={t('catalogue.import.version')} extra={t('catalogue.import.version.help')} rules={[required(t('catalogue.import.version'))]}>
            <Input maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="source" label={t('catalogue.import.source')} rules={[required(t('catalogue.import.source'))]}>
            <Input maxLength={500} style={{ width: 480 }} />
          </Form.Item>
        </Flex>
      </Form>
      <Flex vertical gap="middle">
        <Alert type="info" showIcon title={t('catalogue.import.columns')} />
        <SpreadsheetImport<Entry & { line: number }>
          disabled={!version?.trim() || !source?.trim()}
          columns={columns}
          run={async (file, commit) => {
            const r = await importing.mutateAsync({ body: { ...file, commit, catalogueId: catalogue.id, version: version.trim(), source: source.trim() } });
            return { rows: r.entries, issues: r.issues };
          }}
        />
      </Flex>
    </Card>
  );
}
