import { Card, Flex, Typography } from 'antd';
import { useSession } from '../../../shared/auth/session';
import { useI18n } from '../../../shared/i18n/i18n';
import { BatchSelect } from '../../../shared/ui/batch-select';
import { useBatchParam } from '../use-batch-param';
import { DecidedLists } from './decided-lists';
import { DecideForm } from './decide-form';

/**
 * 认定决定 (M9.1, M9.2): the Department decides every reviewed candidate of a batch at a recorded
 * meeting, then publishes the frozen list. The auditor reads the same page without its actions.
 */
export function DecideBatchPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const readOnly = actor?.role !== 'department_officer';
  const [batchId, setBatchId] = useBatchParam();
  return (
    <Card title={t('decide.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph>{t('decide.intro')}</Typography.Paragraph>
        <label htmlFor="decide-batch">{t('decide.batch')}</label>
        <BatchSelect id="decide-batch" value={batchId} onChange={setBatchId} />
        {batchId && <DecideForm key={batchId} batchId={batchId} readOnly={readOnly} />}
        {batchId && (
          <>
            <Typography.Title level={5}>{t('decide.lists')}</Typography.Title>
            <DecidedLists batchId={batchId} readOnly={readOnly} />
          </>
        )}
      </Flex>
    </Card>
  );
}
