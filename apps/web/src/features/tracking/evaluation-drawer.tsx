import { Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { EvaluationFacts } from './evaluation-facts';
import type { TrackingEvaluation } from './types';

/** One evaluation in a drawer, with what the reader may do next (conclude, open a case). */
export function EvaluationDrawer({ id, onClose, actions }: { id: string; onClose(): void; actions?: (e: TrackingEvaluation) => ReactNode }) {
  const { t } = useI18n();
  const detail = $api.useQuery('get', '/api/tracking-evaluations/{id}', { params: { path: { id } } });
  const e = detail.data;
  return (
    <Drawer open size="large" onClose={onClose} title={e ? t('tracking.drawer.title', { year: e.year, product: e.productName }) : t('menu.tracking')} destroyOnHidden>
      <LoadState {...queryState(detail)}>
        {e && (
          <Flex vertical gap="middle" data-testid="tracking-detail">
            <EvaluationFacts e={e} />
            {actions?.(e)}
          </Flex>
        )}
      </LoadState>
    </Drawer>
  );
}
