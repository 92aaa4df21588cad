import { Card, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { $api, useInvalidate } from '../../shared/api/query';
import type { EarlierRecognition, EarlierRecognitionImport } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { SpreadsheetImport } from '../../features/spreadsheet-import/spreadsheet-import';
import { urlPagination } from '../../shared/hooks/url-pagination';

type Row = EarlierRecognitionImport['records'][number];
type Base = Omit<Row, 'line'>;

/** The columns of a recognition, for the list and for the import's preview. */
function useColumns() {
  const { t, tk } = useI18n();
  return <T extends Base>(): ColumnsType<T> => [
    { title: t('earlier.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('earlier.uscc'), dataIndex: 'uscc', width: 190 },
    { title: t('earlier.product'), dataIndex: 'productName' },
    { title: t('earlier.kind'), render: (_: unknown, r: T) => (r.productKind ? tk('productKind', r.productKind) : '—') },
    { title: t('earlier.series'), dataIndex: 'series' },
    { title: t('earlier.model'), dataIndex: 'model' },
    { title: t('earlier.year'), dataIndex: 'year', width: 90 },
    { title: t('earlier.documentNo'), dataIndex: 'documentNo' },
  ];
}

/** The Department's import of a list: previewed with every problem at its row, then kept. */
function EarlierImport() {
  const { t } = useI18n();
  const columns = useColumns();
  const invalidate = useInvalidate();
  const importing = $api.useMutation('post', '/api/earlier-recognitions/imports', {
    onSuccess: (_, { body }) => (body.commit ? invalidate('/api/earlier-recognitions') : undefined),
  });
  return (
    <Card title={t('earlier.import')}>
      <Typography.Paragraph type="secondary">{t('earlier.columns')}</Typography.Paragraph>
      <SpreadsheetImport<Row>
        columns={columns<Row>()}
        run={async (file, commit) => {
          const r = await importing.mutateAsync({ body: { ...file, commit } });
          return { rows: r.records, issues: r.issues };
        }}
      />
    </Card>
  );
}

/** M6.4: the recognitions made before the platform, imported so the series check sees them. */
export function EarlierRecognitionsPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const columns = useColumns();
  const [paging, setPaging] = useSearchState({ page: 1, pageSize: 50 });
  const list = $api.useQuery('get', '/api/earlier-recognitions');
  return (
    <Flex vertical gap="large">
      <Card title={t('earlier.title')}>
        <Typography.Paragraph type="secondary">{t('earlier.help')}</Typography.Paragraph>
        <LoadState {...queryState(list)} empty={!list.data?.length} emptyText={t('earlier.empty')}>
          <Table<EarlierRecognition>
            rowKey="id"
            size="small"
            dataSource={list.data}
            pagination={urlPagination(paging, setPaging)}
            columns={[...columns<EarlierRecognition>(), { title: '', width: 70, render: () => <Tag>{t('earlier.imported')}</Tag> }]}
          />
        </LoadState>
      </Card>
      {actor?.role === 'department_officer' && <EarlierImport />}
    </Flex>
  );
}
