import { KeyboardEvent, lazy, ReactNode, Suspense, useId } from 'react';
import { Link } from 'react-router';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { REGISTRY_DEFAULTS } from '../../features/registry/registry-query';
import { Registry } from './registry';
import { Card, Loading } from './ui';

// The registry is the tab a visitor opens; the others load when they are chosen (ADR 0032).
const Notices = lazy(async () => ({ default: (await import('./notices')).Notices }));
const PublicSanctions = lazy(async () => ({ default: (await import('./sanctions')).PublicSanctions }));
const WorkingCalendar = lazy(async () => ({ default: (await import('./working-calendar')).WorkingCalendar }));

const TABS: ReadonlyArray<{ key: string; label: MessageKey; panel: () => ReactNode }> = [
  { key: 'registry', label: 'public.registry.title', panel: () => <Registry /> },
  { key: 'notices', label: 'notices.tab', panel: () => <Notices /> },
  { key: 'sanctions', label: 'public.sanctions.title', panel: () => <PublicSanctions /> },
  { key: 'calendar', label: 'public.calendar.title', panel: () => <WorkingCalendar /> },
];

/**
 * The public area: no sign-in needed. The tab is in the URL, and so are the registry's filters and
 * page. Tabs as WAI-ARIA's tabs pattern: arrow keys move between them, Tab goes on to the panel.
 */
export function PublicPage() {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useSearchState({ tab: 'registry', ...REGISTRY_DEFAULTS });
  const current = TABS.find((k) => k.key === search.tab) ?? TABS[0];
  // The registry's filters belong to the registry: switching tabs drops them.
  const choose = (key: string) => setSearch({ ...REGISTRY_DEFAULTS, tab: key });
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const jump = e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (!step && jump === null) return;
    e.preventDefault();
    const next = TABS[jump ?? (TABS.indexOf(current) + step + TABS.length) % TABS.length];
    choose(next.key);
    document.getElementById(`${id}-${next.key}`)?.focus();
  };
  return (
    <Card title={t('app.publicArea')} extra={<Link to="/public/objections/follow">{t('objections.public.link')}</Link>}>
      <div className="pub-tabs" role="tablist">
        {TABS.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${id}-${tab.key}`}
            aria-selected={tab === current}
            aria-controls={`${id}-panel`}
            tabIndex={tab === current ? 0 : -1}
            className="pub-tab"
            onClick={() => choose(tab.key)}
            onKeyDown={onKeyDown}
          >{t(tab.label)}</button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${current.key}`}>
        <Suspense fallback={<Loading />}>{current.panel()}</Suspense>
      </div>
    </Card>
  );
}
