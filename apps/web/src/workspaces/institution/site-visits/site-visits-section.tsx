import { Button, Card, Empty, Flex, Space } from 'antd';
import { useState } from 'react';
import { $api } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { LoadState, queryState } from '../../../shared/ui/states';
import { EvidenceHelp, EvidenceUploadButton } from '../../../features/site-visits/evidence-parts';
import type { SiteVisit } from '../../../features/site-visits/types';
import { SiteVisitCard } from '../../../features/site-visits/visit-card';
import type { ReviewView } from '../../../features/review-panel/types';
import { VisitStepDialog } from './visit-dialogs';
import { VisitPlanDialog } from './visit-plan-dialog';

type Dialog = { kind: 'plan'; visit?: SiteVisit } | { kind: 'cancel' | 'finding' | 'conclude'; visit: SiteVisit } | null;

/**
 * 现场核查 on the institution's case page (M8.2): schedule a visit with members from the panel,
 * revise or cancel it, record findings with photos and documents, conclude; then the applicant's
 * answers show with each finding. Only while the case is under comprehensive review.
 */
export function InstitutionSiteVisits({ review }: { review: ReviewView }) {
  const { t } = useI18n();
  const id = review.applicationId;
  const q = $api.useQuery('get', '/api/reviews/{id}/site-visits', { params: { path: { id } } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = review.state === 'UNDER_COMPREHENSIVE_REVIEW';
  const panel = (review.assignments ?? []).filter((a) => a.status === 'active').map((a) => ({ expertId: a.expertId, name: a.expertName }));
  const steps = (v: SiteVisit) =>
    v.status === 'scheduled' && open ? (
      <Space wrap>
        <Button size="small" onClick={() => setDialog({ kind: 'finding', visit: v })}>{t('siteVisit.finding.add')}</Button>
        <Button size="small" type="primary" onClick={() => setDialog({ kind: 'conclude', visit: v })}>{t('siteVisit.conclude')}</Button>
        <Button size="small" onClick={() => setDialog({ kind: 'plan', visit: v })}>{t('siteVisit.edit')}</Button>
        <Button size="small" danger onClick={() => setDialog({ kind: 'cancel', visit: v })}>{t('siteVisit.cancel')}</Button>
      </Space>
    ) : undefined;
  return (
    <Card
      title={t('siteVisit.title')}
      data-testid="site-visits"
      extra={open && <Button onClick={() => setDialog({ kind: 'plan' })}>{t('siteVisit.schedule')}</Button>}
    >
      <LoadState {...queryState(q)} empty={false}>
        <Flex vertical gap="middle">
          {(q.data ?? []).length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('siteVisit.none')} />}
          {(q.data ?? []).map((v) => (
            <SiteVisitCard
              key={v.id}
              visit={v}
              extra={steps(v)}
              findingActions={v.status === 'scheduled' && open ? (f) => <EvidenceUploadButton visitId={v.id} findingId={f.id} /> : undefined}
              footer={v.status === 'scheduled' && open && v.findings.length > 0 ? <EvidenceHelp /> : undefined}
            />
          ))}
        </Flex>
      </LoadState>
      {dialog?.kind === 'plan' && <VisitPlanDialog applicationId={id} panel={panel} visit={dialog.visit} onClose={() => setDialog(null)} />}
      {dialog && dialog.kind !== 'plan' && <VisitStepDialog kind={dialog.kind} visitId={dialog.visit.id} onClose={() => setDialog(null)} />}
    </Card>
  );
}
