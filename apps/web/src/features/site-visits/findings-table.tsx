import { Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { EvidenceLinks } from './evidence-parts';
import { RESULT_COLOR } from './types';
import type { SiteFinding, SiteVisit } from './types';

/**
 * A visit's findings (M8.2): item, result, description, evidence, and the applicant's answer with
 * its attachments; `actions` adds what the reader may do on a finding (upload, answer).
 */
export function FindingsTable({ visit, actions }: { visit: SiteVisit; actions?: (f: SiteFinding) => ReactNode }) {
  const { t, tk } = useI18n();
  return (
    <Table<SiteFinding>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={visit.findings}
      locale={{ emptyText: t('siteVisit.findings.none') }}
      data-testid="findings"
      columns={[
        { title: t('siteVisit.finding.no'), dataIndex: 'itemNo', width: 60 },
        { title: t('siteVisit.finding.item'), dataIndex: 'item' },
        { title: t('siteVisit.finding.result'), dataIndex: 'result', render: (r: string) => <Tag color={RESULT_COLOR[r]}>{tk('siteVisit.finding.result', r)}</Tag> },
        { title: t('siteVisit.finding.description'), dataIndex: 'description', render: (d: string) => <Typography.Text style={{ whiteSpace: 'pre-line' }}>{d}</Typography.Text> },
        { title: t('siteVisit.finding.evidence'), render: (_, f) => <EvidenceLinks visitId={visit.id} findingId={f.id} files={f.evidence} /> },
        {
          title: t('siteVisit.answer'),
          render: (_, f) => (
            <Space orientation="vertical" size={2}>
              {f.answer ? <Typography.Text style={{ whiteSpace: 'pre-line' }} data-testid="answer">{f.answer}</Typography.Text> : <Typography.Text type="secondary">{t('siteVisit.answer.none')}</Typography.Text>}
              {f.answerEvidence.length > 0 && <EvidenceLinks visitId={visit.id} findingId={f.id} files={f.answerEvidence} />}
            </Space>
          ),
        },
        ...(actions ? [{ key: 'actions', render: (_: unknown, f: SiteFinding) => actions(f) }] : []),
      ]}
    />
  );
}
