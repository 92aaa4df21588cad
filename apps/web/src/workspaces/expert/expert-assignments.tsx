import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { pageSizeOf } from '../../shared/hooks/url-pagination';
import { ASSIGNMENT_STAGES, AssignmentStage, ExpertReviewRow, ReviewView } from '../../features/review-panel/types';
import { ScoreDrawer } from './score-drawer';
import { StageList } from './stage-list';
import { UndertakingDialog } from './undertaking-dialog';

/** The tab (the assignments' stage) and its page, in the URL: a reload or a link shows the same. */
const DEFAULTS = { stage: 'ASSIGNED', page: 1, pageSize: 10 };

/** A stage from the URL, else the first. */
const stageFrom = (raw: string): AssignmentStage => ASSIGNMENT_STAGES.find((s) => s === raw) ?? 'ASSIGNED';

/**
 * The expert's workspace: assignments to accept (with the confidentiality undertaking, M11.1), to
 * score (the application as the service shows it after the undertaking), and the scores given.
 */
export function ExpertAssignmentsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchState(DEFAULTS);
  const stage = stageFrom(search.stage);
  const paging = { page: search.page, pageSize: pageSizeOf(search.pageSize) };
  const [accepting, setAccepting] = useState<ExpertReviewRow | null>(null);
  const [scoring, setScoring] = useState<ReviewView | null>(null);
  const show = (next: AssignmentStage) => setSearch({ stage: next, page: 1 });
  return (
    <Card title={t('expert.title')}>
      <Tabs
        activeKey={stage}
        onChange={(k) => show(stageFrom(k))}
        destroyOnHidden
        items={ASSIGNMENT_STAGES.map((s) => ({
          key: s,
          label: t(`expert.tab.${s}`),
          children: s === stage && <StageList stage={s} paging={paging} onPage={setSearch} onAccept={setAccepting} onScore={setScoring} />,
        }))}
      />
      {accepting && (
        <UndertakingDialog
          row={accepting}
          onClose={() => setAccepting(null)}
          onAccepted={() => {
            setAccepting(null);
            show('ACCEPTED');
          }}
        />
      )}
      {scoring && (
        <ScoreDrawer
          review={scoring}
          onClose={() => setScoring(null)}
          onScored={() => {
            setScoring(null);
            show('SCORED');
          }}
        />
      )}
    </Card>
  );
}
