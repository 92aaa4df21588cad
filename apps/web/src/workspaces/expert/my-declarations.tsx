import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { prefectureName } from '../../shared/ui/prefectures';
import { LoadState, queryState } from '../../shared/ui/states';
import { fieldLabel } from '../../features/expert-pool/labels';
import { TieList } from '../../features/expert-pool/tie-list';

/**
 * The expert's own declarations (M11.1 declared conflicts): the ties with organizations they
 * declare (employer history, co-authorship, projects, equity, family), kept up to date by them;
 * the conflict check of every case sees them at once. Their pool record is shown, read only.
 */
export function MyDeclarationsPage() {
  const { t, locale } = useI18n();
  const invalidate = useInvalidate();
  const mine = $api.useQuery('get', '/api/my-declarations');
  const changed = { onSuccess: () => invalidate('/api/my-declarations') };
  const adding = $api.useMutation('post', '/api/my-declarations/ties', changed);
  const removing = $api.useMutation('delete', '/api/my-declarations/ties/{tieId}', changed);
  const me = mine.data;
  return (
    <Flex vertical gap="large">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('pool.mine.title')}</Typography.Title>
      <LoadState {...queryState(mine)}>
        {me && (
          <Flex vertical gap="large">
            {!me.qualified && <Alert type="error" showIcon title={t('pool.disqualified.alert', { date: me.disqualifiedOn ?? '' })} />}
            <Card title={t('pool.mine.record')}>
              <Descriptions
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'name', label: t('pool.name'), children: me.name },
                  { key: 'employer', label: t('pool.employer'), children: me.employerName || '—' },
                  { key: 'title', label: t('pool.jobTitle'), children: me.title || '—' },
                  { key: 'region', label: t('pool.region'), children: me.regionCode ? prefectureName(me.regionCode, locale) : t('pool.region.outside') },
                  { key: 'fields', label: t('pool.fields'), children: (me.fieldCodes ?? []).map((c) => <Tag key={c}>{fieldLabel(c, locale)}</Tag>) },
                  { key: 'specialty', label: t('pool.specialty'), children: me.field },
                ]}
              />
              <Typography.Text type="secondary">{t('pool.mine.recordHelp')}</Typography.Text>
            </Card>
            <Card title={t('pool.ties')}>
              <Flex vertical gap="small">
                <Alert type="info" showIcon title={t('pool.mine.help')} />
                <TieList
                  ties={me.ties}
                  busy={adding.isPending || removing.isPending}
                  add={(tie) => adding.mutateAsync({ body: tie })}
                  remove={(tieId) => removing.mutateAsync({ params: { path: { tieId } } })}
                />
              </Flex>
            </Card>
          </Flex>
        )}
      </LoadState>
    </Flex>
  );
}
