import { keepPreviousData } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { $api, useInvalidate } from '../../shared/api/query';
import type { OfficerAccount } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { PREFECTURES, prefectureName } from '../../shared/ui/prefectures';
import { showProblem } from '../../shared/ui/problem-form';
import { LoadState, queryState } from '../../shared/ui/states';
import { CreateOfficer } from './create-officer';

/** The Department disables an officer's account, or enables it again. */
function ToggleOfficer({ officer }: { officer: OfficerAccount }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const changed = { onSuccess: () => invalidate('/api/accounts/officers', '/api/preliminary-review/officers') };
  const enabling = $api.useMutation('post', '/api/accounts/officers/{id}/enable', changed);
  const disabling = $api.useMutation('post', '/api/accounts/officers/{id}/disable', changed);
  const toggle = async () => {
    try {
      await (officer.disabled ? enabling : disabling).mutateAsync({ params: { path: { id: officer.id } } });
    } catch (err) {
      showProblem(err, title, message);
    }
  };
  return (
    <Button size="small" danger={!officer.disabled} loading={enabling.isPending || disabling.isPending} onClick={() => void toggle()}>
      {officer.disabled ? t('officers.enable') : t('officers.disable')}
    </Button>
  );
}

/**
 * Prefecture officers' accounts (issue 13 item 9): a prefecture may have several officers, so that
 * two-step approval has a drafter and an approver. The Department creates and disables them; the
 * auditor reads the list. The prefecture filter is in the URL (`?prefecture=150200`).
 */
export function OfficersPage() {
  const { t, locale } = useI18n();
  const { actor } = useSession();
  const editable = actor?.role === 'department_officer';
  const [{ prefecture }, set] = useSearchState({ prefecture: undefined as string | undefined });
  const officers = $api.useQuery('get', '/api/accounts/officers', { params: { query: { prefectureId: prefecture } } }, { placeholderData: keepPreviousData });
  const columns: ColumnsType<OfficerAccount> = [
    { title: t('officers.prefecture'), dataIndex: 'prefectureId', render: (id: string) => prefectureName(id, locale) },
    { title: t('officers.username'), dataIndex: 'username' },
    { title: t('officers.displayName'), dataIndex: 'displayName' },
    {
      title: t('officers.state'),
      render: (_, o) => (
        <Space>
          {o.disabled ? <Tag color="error">{t('officers.disabled')}</Tag> : <Tag color="success">{t('officers.enabled')}</Tag>}
          {o.mustChangePassword && <Tag>{t('officers.initialPassword')}</Tag>}
        </Space>
      ),
    },
  ];
  if (editable) columns.push({ title: t('officers.actions'), render: (_, o) => <ToggleOfficer officer={o} /> });
  return (
    <Flex vertical gap="large">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('officers.title')}</Typography.Title>
      {editable && <CreateOfficer />}
      <Card
        title={t('officers.list')}
        extra={
          <Select
            allowClear
            placeholder={t('officers.filter')}
            style={{ width: 220 }}
            value={prefecture}
            onChange={(v?: string) => set({ prefecture: v })}
            options={PREFECTURES.map((p) => ({ value: p.id, label: prefectureName(p.id, locale) }))}
            aria-label={t('officers.filter')}
          />
        }
      >
        <LoadState {...queryState(officers)}>
          <Table<OfficerAccount> rowKey="id" loading={officers.isFetching} dataSource={officers.data ?? []} pagination={false} columns={columns} />
        </LoadState>
      </Card>
    </Flex>
  );
}
