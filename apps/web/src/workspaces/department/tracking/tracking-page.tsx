import { Button, Card, Flex, Select, Typography } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { $api } from '../../../shared/api/query';
import { useSession } from '../../../shared/auth/session';
import { useSearchState } from '../../../shared/hooks/use-search-state';
import { useUrlPagination } from '../../../shared/hooks/url-pagination';
import { useI18n } from '../../../shared/i18n/i18n';
import { PREFECTURES, prefectureName } from '../../../shared/ui/prefectures';
import { isUuid } from '../../../shared/ui/ids';
import { LoadState, queryState } from '../../../shared/ui/states';
import { EvaluationDrawer } from '../../../features/tracking/evaluation-drawer';
import { EvaluationTable } from '../../../features/tracking/evaluation-table';
import { TrackingSummaryTable } from '../../../features/tracking/summary-table';
import { TRACKING_CONCLUSIONS, TRACKING_STATUSES, trackingYears, type TrackingEvaluation } from '../../../features/tracking/types';
import { OpenCaseDialog } from '../compliance/open-case-dialog';

/**
 * The prefectures' tracking evaluations across the region (M12.2; ADR 0026): the year by
 * prefecture, then the evaluations filtered by year, prefecture, status and conclusion in the URL; from a serious finding the officer opens a
 * compliance case on the evaluated recognition (the auditor reads only).
 */
export function DepartmentTrackingPage() {
  const { t, tk, locale } = useI18n();
  const { actor } = useSession();
  const navigate = useNavigate();
  const officer = actor?.role === 'department_officer';
  const [search, setSearch] = useSearchState({ year: 0, prefecture: '', status: '', conclusion: '', page: 1, pageSize: 20, evaluation: '' });
  const [caseFrom, setCaseFrom] = useState<TrackingEvaluation | null>(null);
  const query = {
    page: search.page,
    pageSize: search.pageSize,
    ...(search.year ? { year: search.year } : {}),
    ...(search.prefecture ? { prefectureId: search.prefecture } : {}),
    ...(search.status ? { status: search.status as TrackingEvaluation['status'] } : {}),
    ...(search.conclusion ? { conclusion: search.conclusion as NonNullable<TrackingEvaluation['conclusion']> } : {}),
  };
  const evaluations = $api.useQuery('get', '/api/tracking-evaluations', { params: { query } }, { placeholderData: keepPreviousData });
  const pagination = useUrlPagination(search, evaluations.data?.total, setSearch);
  return (
    <Card title={t('tracking.department.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('tracking.department.intro')}</Typography.Paragraph>
        <TrackingSummaryTable year={search.year || undefined} onPrefecture={(prefecture) => setSearch({ prefecture, page: 1 })} />
        <Flex gap="small" wrap>
          <Select aria-label={t('tracking.year')} style={{ width: 120 }} value={search.year} onChange={(year) => setSearch({ year, page: 1 })}
            options={[{ value: 0, label: t('tracking.all.years') }, ...trackingYears().map((y) => ({ value: y, label: String(y) }))]} />
          <Select aria-label={t('tracking.prefecture')} style={{ minWidth: 180 }} value={search.prefecture} onChange={(prefecture) => setSearch({ prefecture, page: 1 })}
            options={[{ value: '', label: t('tracking.all.prefectures') }, ...PREFECTURES.map((p) => ({ value: p.id, label: prefectureName(p.id, locale) }))]} />
          <Select aria-label={t('tracking.status')} style={{ minWidth: 140 }} value={search.status} onChange={(status) => setSearch({ status, page: 1 })}
            options={[{ value: '', label: t('tracking.all.statuses') }, ...TRACKING_STATUSES.map((s) => ({ value: s, label: tk('tracking.status', s) }))]} />
          <Select aria-label={t('tracking.conclusion')} style={{ minWidth: 160 }} value={search.conclusion} onChange={(conclusion) => setSearch({ conclusion, page: 1 })}
            options={[{ value: '', label: t('tracking.all.conclusions') }, ...TRACKING_CONCLUSIONS.map((c) => ({ value: c, label: tk('tracking.conclusion', c) }))]} />
        </Flex>
        <LoadState {...queryState(evaluations)}>
          <EvaluationTable items={evaluations.data?.items} pagination={pagination} onOpen={(evaluation) => setSearch({ evaluation })} prefectureColumn={(e) => prefectureName(e.prefectureId, locale)} />
        </LoadState>
      </Flex>
      {isUuid(search.evaluation) && (
        <EvaluationDrawer
          id={search.evaluation}
          onClose={() => setSearch({ evaluation: '' })}
          actions={(e) => officer && e.conclusion === 'serious_problem' && <Button type="primary" danger onClick={() => setCaseFrom(e)}>{t('tracking.openCase')}</Button>}
        />
      )}
      {caseFrom && (
        <OpenCaseDialog
          preset={{
            recognitionId: caseFrom.recognitionId,
            trackingEvaluationId: caseFrom.id,
            facts: t('tracking.openCase.facts', { prefecture: prefectureName(caseFrom.prefectureId, locale), year: caseFrom.year, findings: caseFrom.findings ?? '' }),
          }}
          onClose={() => setCaseFrom(null)}
          onOpened={(id) => navigate(`/department/compliance-cases?case=${id}`)}
        />
      )}
    </Card>
  );
}
