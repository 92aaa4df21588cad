import { Button, Card, Drawer, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { $api } from '../../../shared/api/query';
import { useSession } from '../../../shared/auth/session';
import { useSearchState } from '../../../shared/hooks/use-search-state';
import { useUrlPagination } from '../../../shared/hooks/url-pagination';
import { useI18n } from '../../../shared/i18n/i18n';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../../shared/ui/states';
import { CaseFacts } from '../../../features/compliance/case-facts';
import { CASE_MEASURES, CASE_STATUS_COLOR, CASE_STATUSES, caseStatusLabel, measureLabel, type ComplianceCase } from '../../../features/compliance/types';
import { CaseActions } from './case-actions';
import { OpenCaseDialog } from './open-case-dialog';
import { isUuid } from '../../../shared/ui/ids';


/** One case in a drawer: the facts both sides read and, for an officer, the next steps. */
function CaseDrawer({ id, readOnly, onClose }: { id: string; readOnly: boolean; onClose(): void }) {
  const { t } = useI18n();
  const detail = $api.useQuery('get', '/api/compliance-cases/{id}', { params: { path: { id } } });
  const c = detail.data;
  const open = c && c.status !== 'decided' && c.status !== 'dropped';
  return (
    <Drawer open size="large" onClose={onClose} title={c ? t('compliance.drawer.title', { caseNo: c.caseNo }) : t('compliance.title')} destroyOnHidden>
      <LoadState {...queryState(detail)}>
        {c && (
          <Flex vertical gap="small" data-testid="case-detail">
            <CaseFacts c={c} />
            {!readOnly && open && <CaseActions c={c} />}
          </Flex>
        )}
      </LoadState>
    </Drawer>
  );
}

/**
 * Compliance cases (ADR 0026; M10.2, M10.3, M11.2): opened, notified, heard and decided here. The
 * filters, the page and the open case are in the URL; the auditor reads, never acts.
 */
export function ComplianceCasesPage() {
  const { t, locale } = useI18n();
  const { actor } = useSession();
  const officer = actor?.role === 'department_officer';
  const [opening, setOpening] = useState(false);
  const [search, setSearch] = useSearchState({ status: '', measure: '', case: '', page: 1, pageSize: 20 });
  const query = {
    page: search.page,
    pageSize: search.pageSize,
    ...(search.status ? { status: search.status as (typeof CASE_STATUSES)[number] } : {}),
    ...(search.measure ? { intendedMeasure: search.measure as (typeof CASE_MEASURES)[number] } : {}),
  };
  const cases = $api.useQuery('get', '/api/compliance-cases', { params: { query } });
  const pagination = useUrlPagination(search, cases.data?.total, setSearch);
  return (
    <Card title={t('compliance.title')} extra={officer && <Button type="primary" onClick={() => setOpening(true)}>{t('compliance.open')}</Button>}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('compliance.intro')}</Typography.Paragraph>
        <Flex gap="small" wrap>
          <Select aria-label={t('compliance.filter.status')} style={{ minWidth: 180 }} value={search.status} onChange={(status) => setSearch({ status, page: 1 })}
            options={[{ value: '', label: t('compliance.filter.all') }, ...CASE_STATUSES.map((s) => ({ value: s, label: caseStatusLabel(locale, s) }))]} />
          <Select aria-label={t('compliance.filter.measure')} style={{ minWidth: 200 }} value={search.measure} onChange={(measure) => setSearch({ measure, page: 1 })}
            options={[{ value: '', label: t('compliance.filter.all') }, ...CASE_MEASURES.map((m) => ({ value: m, label: measureLabel(locale, m) }))]} />
        </Flex>
        <LoadState {...queryState(cases)} empty={cases.data ? cases.data.total === 0 : undefined} emptyText={t('compliance.empty')}>
          <Table<ComplianceCase>
            rowKey="id"
            size="small"
            data-testid="compliance-cases"
            dataSource={cases.data?.items}
            scroll={{ x: true }}
            pagination={pagination}
            columns={[
              { title: t('compliance.caseNo'), dataIndex: 'caseNo' },
              { title: t('compliance.subject'), dataIndex: 'subjectName' },
              { title: t('compliance.measure'), render: (_, c) => measureLabel(locale, c.intendedMeasure) },
              { title: t('compliance.status'), render: (_, c) => <Tag color={CASE_STATUS_COLOR[c.status]}>{caseStatusLabel(locale, c.status)}</Tag> },
              { title: t('compliance.deadline'), render: (_, c) => c.statementDeadline ?? '—' },
              { title: t('compliance.openedAt'), render: (_, c) => formatBeijing(c.openedAt) },
              {
                title: t('common.actions'),
                render: (_, c) => (
                  <Button size="small" onClick={() => setSearch({ case: c.id })} aria-label={`${t('compliance.view')} ${c.caseNo}`}>
                    {officer ? t('compliance.view') : t('common.view')}
                  </Button>
                ),
              },
            ]}
          />
        </LoadState>
        {isUuid(search.case) && <CaseDrawer id={search.case} readOnly={!officer} onClose={() => setSearch({ case: '' })} />}
        {opening && <OpenCaseDialog onClose={() => setOpening(false)} onOpened={(id) => { setOpening(false); setSearch({ case: id }); }} />}
      </Flex>
    </Card>
  );
}
