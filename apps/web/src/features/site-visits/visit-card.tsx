import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { FindingsTable } from './findings-table';
import { CONCLUSION_COLOR, STATUS_COLOR } from './types';
import type { SiteFinding, SiteVisit } from './types';

/**
 * One on-site verification (M8.2): date, place, notice, the members by name (or only how many for
 * the applicant), its status, conclusion or cancellation, and its findings.
 */
export function SiteVisitCard({ visit, extra, findingActions, footer }: {
  visit: SiteVisit;
  extra?: ReactNode;
  findingActions?: (f: SiteFinding) => ReactNode;
  footer?: ReactNode;
}) {
  const { t, tk } = useI18n();
  return (
    <Card
      type="inner"
      size="small"
      data-testid="site-visit"
      title={<Flex gap="small" align="center">{visit.visitOn}<Tag color={STATUS_COLOR[visit.status]} data-testid="visit-status">{tk('siteVisit.status', visit.status)}</Tag></Flex>}
      extra={extra}
    >
      <Flex vertical gap="middle">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('siteVisit.address')}>{visit.address}</Descriptions.Item>
          {visit.members ? (
            <Descriptions.Item label={t('siteVisit.members')}>{visit.members.map((m) => m.name).join('、')}</Descriptions.Item>
          ) : (
            <Descriptions.Item label={t('siteVisit.memberCount')}>{t('siteVisit.memberCount.value', { count: visit.memberCount })}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('siteVisit.notice')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{visit.notice}</Typography.Paragraph>
          </Descriptions.Item>
          {visit.conclusion && (
            <Descriptions.Item label={t('siteVisit.conclusion')} span={2}>
              <Flex vertical gap={4}>
                <span><Tag color={CONCLUSION_COLOR[visit.conclusion]} data-testid="visit-conclusion">{tk('siteVisit.conclusion', visit.conclusion)}</Tag>{formatBeijing(visit.concludedAt)}</span>
                <Typography.Text style={{ whiteSpace: 'pre-line' }}>{visit.conclusionNote}</Typography.Text>
              </Flex>
            </Descriptions.Item>
          )}
          {visit.cancelReason && <Descriptions.Item label={t('siteVisit.cancelReason')} span={2}>{visit.cancelReason}</Descriptions.Item>}
        </Descriptions>
        {(visit.status !== 'scheduled' || visit.findings.length > 0 || findingActions) && visit.status !== 'cancelled' && (
          <FindingsTable visit={visit} actions={findingActions} />
        )}
        {footer}
      </Flex>
    </Card>
  );
}
