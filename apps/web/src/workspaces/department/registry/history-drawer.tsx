import { Drawer, Timeline, Typography } from 'antd';
import { $api } from '../../../shared/api/query';
import type { PublicRecognition, RecognitionHistory } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../../shared/ui/states';

type HistoryEvent = RecognitionHistory['events'][number];

/** What an event says: an amendment's fields before and after, and its reason; a revocation's notice. */
function EventDetail({ e }: { e: HistoryEvent }) {
  const { t, tk } = useI18n();
  const d = e.detail as { changes?: Record<string, { before: string; after: string }>; reason?: string; notice?: string };
  const label = (f: string) => tk('registry.field', f, f);
  return (
    <>
      {Object.entries(d.changes ?? {}).map(([f, c]) => (
        <div key={f}>{t('registry.history.change', { field: label(f), before: c.before, after: c.after })}</div>
      ))}
      {d.reason && <Typography.Text type="secondary">{t('registry.history.reason', { reason: d.reason })}</Typography.Text>}
      {d.notice && <Typography.Text type="secondary">{d.notice}</Typography.Text>}
    </>
  );
}

/** A registry entry's record for the Department and auditors (M13.1): who changed what, when and why. */
export function HistoryDrawer({ entry, onClose }: { entry: PublicRecognition; onClose(): void }) {
  const { t, tk } = useI18n();
  const h = $api.useQuery('get', '/api/registry/{id}/history', { params: { path: { id: entry.id } } });
  return (
    <Drawer open width={520} title={t('registry.history.title', { name: entry.enterpriseName })} onClose={onClose}>
      <LoadState {...queryState(h)}>
        <Timeline
          items={(h.data?.events ?? []).map((e) => ({
            children: (
              <>
                <Typography.Text strong>{`${e.occurredOn} ${tk('verify.event', e.kind)}`}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{`${formatBeijing(e.occurredAt)} · ${t('registry.history.by', { actor: e.actorId })}`}</Typography.Text>
                </div>
                <EventDetail e={e} />
              </>
            ),
          }))}
        />
      </LoadState>
    </Drawer>
  );
}
