import { Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, unwrap } from '../../shared/api/client';
import type { EarlierRecognition, EarlierRecognitionImport } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { SpreadsheetImport } from '../../features/spreadsheet-import/spreadsheet-import';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';

type Row = EarlierRecognitionImport['records'][number];
type Base = Omit<Row, 'line'>;

/** M6.4: the recognitions made before the platform, imported so the series check sees them. */
export function EarlierRecognitionsPage() {
  const { t, tk } = useI18n();
  const { actor } = useSession();
  const list = useLoad(() => unwrap(api.GET('/api/earlier-recognitions')), []);
  const columns = <T extends Base>(): ColumnsType<T> => [
    { title: t('earlier.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('earlier.uscc'), dataIndex: 'uscc', width: 190 },
    { title: t('earlier.product'), dataIndex: 'productName' },
    { title: t('earlier.kind'), render: (_: unknown, r: T) => (r.productKind ? tk('productKind', r.productKind) : '—') },
    { title: t('earlier.series'), dataIndex: 'series' },
    { title: t('earlier.model'), dataIndex: 'model' },
    { title: t('earlier.year'), dataIndex: 'year', width: 90 },
    { title: t('earlier.documentNo'), dataIndex: 'documentNo' },
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('earlier.title')}>
        <Typography.Paragraph type="secondary">{t('earlier.help')}</Typography.Paragraph>
        <LoadState loading={list.loading} error={list.error} empty={!list.data?.length} emptyText={t('earlier.empty')} onRetry={list.reload}>
          <Table<EarlierRecognition>
            rowKey="id"
            size="small"
            dataSource={list.data}
            pagination={{ pageSize: 50 }}
            columns={[...columns<EarlierRecognition>(), { title: '', width: 70, render: () => <Tag color="default">{t('earlier.imported')}</Tag> }]}
          />
        </LoadState>
      </Card>
      {actor?.role === 'department_officer' && (
        <Card title={t('earlier.import')}>
          <Typography.Paragraph type="secondary">{t('earlier.columns')}</Typography.Paragraph>
          <SpreadsheetImport<Row>
            columns={columns<Row>()}
            run={async (file, commit) => {
              const r = await unwrap(api.POST('/api/earlier-recognitions/imports', { body: { ...file, commit } }));
              return { rows: r.records, issues: r.issues };
            }}
            onImported={list.reload}
          />
        </Card>
      )}
    </Space>
  );
}
