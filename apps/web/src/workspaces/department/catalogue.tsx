import { Alert, Card, Descriptions, Form, Input, Space, Table, Tag } from 'antd';
import { api, unwrap } from '../../shared/api/client';
import type { PolicyProfile, ScopeCatalogueView } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { usePolicyProfiles } from '../../features/policy-profiles/policy-profiles';
import { SpreadsheetImport } from '../../features/spreadsheet-import/spreadsheet-import';
import { LoadState, problemOf } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';

type Entry = ScopeCatalogueView['entries'][number];

/** The profile in force today: its new-materials catalogue is the one the form offers now (M4.3, M15). */
function profileInForce(profiles: PolicyProfile[] | undefined): PolicyProfile | undefined {
  const today = formatBeijing(new Date(), 'date');
  return profiles?.filter((p) => p.effectiveFrom <= today).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** M4.3: the new-materials catalogue the applications pick from, and the Department's import of a version. */
export function CataloguePage() {
  const { t, locale } = useI18n();
  const { actor } = useSession();
  const profiles = usePolicyProfiles();
  const ref = profileInForce(profiles.data)?.materialsCatalogue;
  const catalogue = useLoad(
    () => (ref ? unwrap(api.GET('/api/catalogues/{catalogueId}/{version}', { params: { path: { catalogueId: ref.id, version: ref.version } } })) : Promise.resolve(undefined)),
    [ref?.id, ref?.version],
  );
  const [form] = Form.useForm<{ version: string; source: string }>();
  const version = Form.useWatch('version', form);
  const source = Form.useWatch('source', form);
  const c = catalogue.data;
  const entryColumns = [
    { title: t('catalogue.code'), dataIndex: 'code', width: 120 },
    { title: t('catalogue.name'), render: (_: unknown, e: Entry) => (locale === 'en' ? (e.nameEn ?? e.nameZh) : e.nameZh) },
    { title: t('catalogue.parent'), dataIndex: 'parentCode', width: 120 },
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('catalogue.title')}>
        <LoadState loading={profiles.isPending || catalogue.loading} error={problemOf(profiles.error) ?? catalogue.error} empty={!c} onRetry={catalogue.reload}>
          {c && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('catalogue.import.version')}>
                  <span data-testid="catalogue-current">{t('catalogue.current', { title: locale === 'en' ? c.titleEn : c.titleZh, version: c.version })}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('catalogue.source')}>{(c.source.split(' / ')[locale === 'en' ? 1 : 0] ?? c.source) || c.source}</Descriptions.Item>
              </Descriptions>
              {!c.verified && <Alert type="warning" showIcon data-testid="catalogue-unverified" title={t('catalogue.unverified')} />}
              {c.imported && c.importedAt && <Tag color="blue">{t('catalogue.imported', { at: formatBeijing(c.importedAt) })}</Tag>}
              <Table<Entry> rowKey="code" size="small" dataSource={c.entries} pagination={{ pageSize: 50 }} columns={entryColumns} />
            </Space>
          )}
        </LoadState>
      </Card>
      {actor?.role === 'department_officer' && ref && (
        <Card title={t('catalogue.import')}>
          <Form form={form} layout="vertical" name="catalogue-import" initialValues={{ version: ref.version, source: '' }}>
            <Space size="large" wrap align="start">
              <Form.Item name="version" label={t('catalogue.import.version')} extra={t('catalogue.import.version.help')} rules={[{ required: true, message: t('common.required', { label: t('catalogue.import.version') }) }]}>
                <Input maxLength={50} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="source" label={t('catalogue.import.source')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('catalogue.import.source') }) }]}>
                <Input maxLength={500} style={{ width: 480 }} />
              </Form.Item>
            </Space>
          </Form>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('catalogue.import.columns')} />
          <SpreadsheetImport<Entry & { line: number }>
            disabled={!version?.trim() || !source?.trim()}
            columns={entryColumns}
            run={async (file, commit) => {
              const r = await unwrap(
                api.POST('/api/catalogues/imports', { body: { ...file, commit, catalogueId: ref.id, version: version.trim(), source: source.trim() } }),
              );
              return { rows: r.entries, issues: r.issues };
            }}
            onImported={catalogue.reload}
          />
        </Card>
      )}
    </Space>
  );
}
