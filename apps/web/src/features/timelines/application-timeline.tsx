import { Timeline, Typography } from 'antd';
import type { ApplicationDraft } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';

type HistoryEntry = NonNullable<ApplicationDraft['history']>[number];

/**
 * An application's status timeline. Reasons the services write themselves ("第 2 版，修改 1 项 /
 * version 2, 1 change(s)", the publicity period, the document number) are "中文 / English": the
 * user's half is shown, as for every server title. Each step names who took it: the person (to
 * readers allowed to know) and the body they acted for.
 */
export function ApplicationTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const { t, tk, title } = useI18n();
  const state = (s: string) => tk('state', s);
  // The person and the body they acted for, as far as the reader may know them (issue 20 item 5).
  const byline = (h: HistoryEntry) => {
    const role = tk('role', h.actorRole);
    const org = h.actorOrg ? title(h.actorOrg) : null;
    if (h.actorName && org) return t('application.timeline.byPerson', { person: h.actorName, org, role });
    if (org) return t('application.timeline.byOrg', { org, role });
    return t('application.timeline.by', { role });
  };
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
                {formatBeijing(h.occurredAt)} · {byline(h)}
              </Typography.Text>
            </div>
            {h.reason && <div>{t('application.timeline.reason', { reason: title(h.reason) })}</div>}
          </div>
        ),
      }))}
    />
  );
}
