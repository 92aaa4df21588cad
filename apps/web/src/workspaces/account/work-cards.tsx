import { Alert, Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { WorkloadItem, WorkspaceHomeSection } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';

/**
 * Where each count of the home links: the list page showing exactly those items, the filter in
 * the URL (the services count with the lists' own conditions, ADR 0030). A key the web does not
 * know yet (a newer service) is not shown.
 */
export const WORK_LINKS: Record<string, string> = {
  'enterprise.drafts': '/enterprise/applications?state=DRAFT',
  'enterprise.returned': '/enterprise/applications?state=RETURNED_FOR_CORRECTION',
  'enterprise.unreadNotices': '/enterprise/notifications?unreadOnly=true',
  'prefecture.unclaimed': '/prefecture/queue?attention=unclaimed',
  'prefecture.overdue': '/prefecture/queue?attention=overdue',
  'prefecture.summaryDue': '/prefecture/summary',
  'department.openBatches': '/department/batches?window=open',
  'department.objectionsReceived': '/department/objections?status=received',
  'department.objectionsInvestigating': '/department/objections?status=under_investigation',
  'department.casesToNotify': '/department/compliance-cases?status=opened',
  'department.casesHeard': '/department/compliance-cases?status=statement_received',
  'institution.inReview': '/institution/reviews?state=UNDER_COMPREHENSIVE_REVIEW',
  'expert.toAccept': '/expert/assignments?stage=ASSIGNED',
  'expert.toScore': '/expert/assignments?stage=ACCEPTED',
};

/** Deadlines already passed when counted (the overdue cases' earliest one). */
const PASSED = new Set(['prefecture.overdue']);

function WorkCard({ item }: { item: WorkloadItem }) {
  const { t, tk } = useI18n();
  const title = tk('home.card', item.key);
  return (
    <Card size="small" title={title} extra={<Link to={WORK_LINKS[item.key]} aria-label={`${t('home.open')}：${title}`}>{t('home.open')}</Link>}>
      <Flex vertical gap="small">
        <Link to={WORK_LINKS[item.key]} data-testid={`work-${item.key}`}>
          <Statistic value={item.count} suffix={t('home.unit')} />
        </Link>
        <Typography.Text type="secondary">{tk('home.hint', item.key)}</Typography.Text>
        {item.nextDeadline && (
          <Typography.Text type={PASSED.has(item.key) ? 'danger' : 'warning'}>
            {t(PASSED.has(item.key) ? 'home.deadline.passed' : 'home.deadline', { date: item.nextDeadline })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** The caller's work as cards, one a kind with something waiting; a service that did not answer says so. */
export function WorkCards({ sections }: { sections: WorkspaceHomeSection[] }) {
  const { t, tk } = useI18n();
  const waiting = sections.flatMap((s) => s.items).filter((i) => i.count > 0 && WORK_LINKS[i.key]);
  const silent = sections.filter((s) => !s.available);
  return (
    <Flex vertical gap="middle">
      {silent.map((s) => (
        <Alert key={s.service} type="warning" showIcon message={t('home.unavailable', { service: tk('home.service', s.service) })} />
      ))}
      {waiting.length === 0 && silent.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {waiting.map((i) => (
            <Col key={i.key} xs={24} md={12} xl={8}>
              <WorkCard item={i} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}
