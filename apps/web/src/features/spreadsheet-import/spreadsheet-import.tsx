import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';

export interface ImportIssue {
  line: number;
  column?: string;
  message: string;
  messageEn: string;
}

export interface ImportFile {
  fileName: string;
  contentBase64: string;
}

/** The file's bytes as base64, for the JSON body (the lists are small: a few hundred rows). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * Choose a CSV or XLSX file, see every row and every problem at its row, then confirm: the
 * server reads the file both times, so what is previewed is what is kept.
 */
export function SpreadsheetImport<R extends { line: number }>({
  columns,
  run,
  onImported,
  disabled,
}: {
  columns: ColumnsType<R>;
  /** Previews (`commit` false) or keeps the file; a mutation that invalidates what the import changes. */
  run(file: ImportFile, commit: boolean): Promise<{ rows: R[]; issues: ImportIssue[] }>;
  /** After the file is kept. */
  onImported?: () => void;
  /** A field of the surrounding form is not filled in yet. */
  disabled?: boolean;
}) {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<ImportFile | null>(null);
  const [preview, setPreview] = useState<{ rows: R[]; issues: ImportIssue[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const words = (i: ImportIssue) => (locale === 'en' ? i.messageEn : i.message);
  const issuesAt = (line: number) => preview?.issues.filter((i) => i.line === line) ?? [];

  const choose = async (chosen: File) => {
    setBusy(true);
    setPreview(null);
    try {
      const next = { fileName: chosen.name, contentBase64: await readBase64(chosen) };
      setFile(next);
      setPreview(await run(next, false));
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      await run(file, true);
      message.success(t('import.done', { rows: preview?.rows.length ?? 0 }));
      setFile(null);
      setPreview(null);
      onImported?.();
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setBusy(false);
    }
  };
  const headerIssues = preview?.issues.filter((i) => !preview.rows.some((r) => r.line === i.line)) ?? [];
  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap align="center">
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          disabled={disabled || busy}
          beforeUpload={(f) => {
            void choose(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} data-testid="import-choose">
            {t('import.choose')}
          </Button>
        </Upload>
        {file && <Typography.Text>{file.fileName}</Typography.Text>}
        <Typography.Text type="secondary">{t('import.formats')}</Typography.Text>
      </Flex>
      {preview && (
        <>
          {preview.issues.length > 0 ? (
            <Alert
              type="error"
              showIcon
              data-testid="import-issues"
              title={t('import.issues', { count: preview.issues.length })}
              description={headerIssues.map((i) => <div key={`${i.line}-${i.message}`}>{t('import.row', { line: i.line, text: words(i) })}</div>)}
            />
          ) : (
            <Alert type="success" showIcon data-testid="import-ready" title={t('import.ready', { rows: preview.rows.length })} />
          )}
          <Table<R>
            rowKey="line"
            size="small"
            dataSource={preview.rows}
            pagination={{ pageSize: 50 }}
            columns={[
              { title: t('import.line'), dataIndex: 'line', width: 70 },
              ...columns,
              {
                title: t('import.problems'),
                render: (_: unknown, r: R) =>
                  issuesAt(r.line).map((i) => (
                    <div key={`${i.column ?? ''}-${i.message}`}>
                      <Typography.Text type="danger">{words(i)}</Typography.Text>
                    </div>
                  )),
              },
            ]}
          />
          <div>
            <Button type="primary" disabled={preview.issues.length > 0 || busy} loading={busy} onClick={() => void commit()} data-testid="import-commit">
              {t('import.commit', { rows: preview.rows.length })}
            </Button>
          </div>
        </>
      )}
    </Flex>
  );
}
