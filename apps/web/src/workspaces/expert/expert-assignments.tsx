import { Card, Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { pageSizeOf } from '../../shared/hooks/url-pagination';
import { ASSIGNMENT_STAGES, AssignmentStage } from '../../features/review-panel/types';
import { StageList } from './stage-list';

/** The tab (the assignments' stage) and its page, in the URL: a reload or a link shows the same. */
const DEFAULTS = { stage: 'ASSIGNED', page: 1, pageSize: 10 };

/** A stage from the URL, else the first. */
const stageFrom = (raw: string): AssignmentStage => ASSIGNMENT_STAGES.find((s) => s === raw) ?? 'ASSIGNED';

/**
 * The expert's workspace: assignments to accept (with the undertaking, M11.1), to score on the
 * rubric (M8.1), scored, and ended by recusal; each opens on its case page.
 */
export function ExpertAssignmentsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchState(DEFAULTS);
  const stage = stageFrom(search.stage);
  const paging = { page: search.page, pageSize: pageSizeOf(search.pageSize) };
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
          children: s === stage && <StageList stage={s} paging={paging} onPage={setSearch} onOpen={(r) => void navigate(`/expert/assignments/${r.applicationId}`)} />,
        }))}
      />
    </Card>
  );
}
