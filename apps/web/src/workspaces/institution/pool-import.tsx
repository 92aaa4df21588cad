import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { prefectureName } from '../../shared/ui/prefectures';
import { saveBlob } from '../../shared/ui/save-file';
import { SpreadsheetImport } from '../../features/spreadsheet-import/spreadsheet-import';
import type { ExpertImportRow } from '../../features/expert-pool/types';

/**
 * The institution imports experts from a spreadsheet (the template's columns): every row is read
 * and every problem shown at its row, the identity numbers already in the pool as duplicates; a
 * list with any problem imports nothing (the whole list or none, so nobody has to work out which
 * rows went in).
 */
export function PoolImport() {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [downloading, setDownloading] = useState(false);
  const importing = $api.useMutation('post', '/api/expert-pool/imports', {
    onSuccess: (_, { body }) => (body.commit ? invalidate('/api/expert-pool/experts', '/api/experts') : undefined),
  });
  const template = async () => {
    setDownloading(true);
    try {
      saveBlob(await unwrap<Blob>(api.GET('/api/expert-pool/template.xlsx', { parseAs: 'blob' })), `${t('pool.import.templateName')}.xlsx`);
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setDownloading(false);
    }
  };
  const columns: ColumnsType<ExpertImportRow> = [
    { title: t('pool.name'), dataIndex: 'name' },
    { title: t('pool.identityTail'), render: (_, r) => (r.identityTail ? `****${r.identityTail}` : '') },
    { title: t('pool.employer'), dataIndex: 'employerName' },
    { title: t('pool.fields'), render: (_, r) => r.fieldCodes.map((c) => <Tag key={c}>{c}</Tag>) },
    { title: t('pool.region'), render: (_, r) => (r.regionCode ? prefectureName(r.regionCode, locale) : t('pool.region.outside')) },
  ];
  return (
    <Card title={t('pool.import.title')} extra={<Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void template()} data-testid="pool-template">{t('pool.import.template')}</Button>}>
      <Flex vertical gap="middle">
        <Alert type="info" showIcon title={t('pool.import.columns')} description={t('pool.import.allOrNothing')} />
        <SpreadsheetImport<ExpertImportRow>
          columns={columns}
          run={async (file, commit) => {
            const r = await importing.mutateAsync({ body: { ...file, commit } });
            return { rows: r.rows, issues: r.issues };
          }}
        />
      </Flex>
    </Card>
  );
}
