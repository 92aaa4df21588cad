import { Alert, Button, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { $api } from '../../../shared/api/query';
import type { components } from '../../../shared/api/generated/schema';
import type { MaterialFile } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import { prefectureName } from '../../../shared/ui/prefectures';
import { LoadState, queryState } from '../../../shared/ui/states';
import { fileSize } from '../../../features/application-viewer/review-format';
import { useDownload } from '../../../features/material-viewer/material-viewer';

type HistoryEntry = components['schemas']['ApplicationHistoryEntryV1'];

/**
 * An application as the auditor and the Department read it from the audit log (ADR 0028): its
 * facts, its status history with the person behind each step, and its materials to download. Read
 * only; intake audits each of the auditor's reads and every download.
 */
export function AuditApplicationPage({ id }: { id: string }) {
  const { t, tk, locale, title } = useI18n();
  const app = $api.useQuery('get', '/api/applications/{id}', { params: { path: { id } } });
  const materials = $api.useQuery('get', '/api/applications/{id}/materials', { params: { path: { id } } });
  const download = useDownload(id);
  const a = app.data;
  return (
    <Flex vertical gap="middle">
      <Link to="/department/audit-log">{t('auditApp.back')}</Link>
      <Alert type="info" showIcon message={t('auditApp.readOnly')} />
      <Card title={t('auditApp.title')} extra={<Link to={`/department/audit-log?objectId=${id}`}>{t('auditApp.log')}</Link>}>
        <LoadState {...queryState(app)} backTo="/department/audit-log">
          {a && (
            <Flex vertical gap="middle">
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label={t('auditApp.applicationNo')}>{a.applicationNo}</Descriptions.Item>
                <Descriptions.Item label={t('auditApp.state')}>{locale === 'en' ? a.stateLabel.en : a.stateLabel.zh}</Descriptions.Item>
                <Descriptions.Item label={t('auditApp.enterprise')}>{a.enterpriseUscc}</Descriptions.Item>
                <Descriptions.Item label={t('audit.org.prefecture')}>{prefectureName(a.prefectureId, locale)}</Descriptions.Item>
                <Descriptions.Item label={t('auditApp.product')}>{`${a.productName}（${a.series} / ${a.model}）`}</Descriptions.Item>
              </Descriptions>
              <Typography.Title level={5}>{t('auditApp.history')}</Typography.Title>
              <Table<HistoryEntry>
                rowKey={(h) => `${h.occurredAt}-${h.toState}`}
                size="small"
                pagination={false}
                dataSource={a.history ?? []}
                columns={[
                  { title: t('audit.col.time'), render: (_, h) => formatBeijing(h.occurredAt) },
                  { title: t('audit.col.action'), render: (_, h) => tk('state', h.toState, h.toState) },
                  {
                    title: t('auditApp.history.by'),
                    // The person and the body they acted for (ADR 0031), where the step recorded them.
                    render: (_, h) => [h.actorName, h.actorOrg ? title(h.actorOrg) : null, tk('role', h.actorRole, h.actorRole)].filter(Boolean).join(' · '),
                  },
                  { title: t('auditApp.history.reason'), render: (_, h) => h.reason ?? '—' },
                ]}
              />
            </Flex>
          )}
        </LoadState>
      </Card>
      <Card title={t('auditApp.materials')} data-testid="audit-application-materials">
        <LoadState {...queryState(materials)} empty={materials.data ? materials.data.length === 0 : undefined} emptyText={t('auditApp.materials.none')}>
          <Table<MaterialFile>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={materials.data}
            columns={[
              { title: t('auditApp.material.name'), dataIndex: 'fileName' },
              { title: t('scoring.case.material.size'), render: (_, m) => fileSize(m.size, t) },
              { title: t('auditApp.material.at'), render: (_, m) => formatBeijing(m.uploadedAt) },
              {
                title: t('common.actions'),
                render: (_, m) => (
                  <Button size="small" onClick={() => void download(m)} aria-label={t('auditApp.material.downloadOf', { name: m.fileName })}>
                    {t('auditApp.material.download')}
                  </Button>
                ),
              },
            ]}
          />
        </LoadState>
      </Card>
    </Flex>
  );
}
