import { Timeline, Typography } from 'antd';
import type { ApplicationDraft } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';

type HistoryEntry = NonNullable<ApplicationDraft['history']>[number];

/**
 * An application's status timeline. Reasons the services write themselves ("第 2 版，修改 1 项 /
 * version 2, 1 change(s)", the publicity period, the document number) are "中文 / English": the
 * user's half is shown, as for every server title.
 */
export function ApplicationTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const { t, tk, title } = useI18n();
  const state = (s: string) => tk('state', s);
  return (
    <Timeline
      data-testid="timeline"
      items={history.map((h) => ({
        key: `${h.occurredAt}-${h.toState}`,
        content: (
          <div>
            <Typography.Text strong>
              {h.fromState
                ? t('application.timeline.entry', { action: tk('action', h.action), from: state(h.fromState), to: state(h.toState) })
                : t('application.timeline.first', { action: tk('action', h.action), to: state(h.toState) })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {formatBeijing(h.occurredAt)} · {t('application.timeline.by', { role: tk('role', h.actorRole) })}
              </Typography.Text>
            </div>
            {h.reason && <div>{t('application.timeline.reason', { reason: title(h.reason) })}</div>}
          </div>
        ),
      }))}
    />
  );
}
