import { Card, Tabs } from 'antd';
import { lazy, ReactNode, Suspense } from 'react';
import { Link } from 'react-router';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { Loading } from '../../shared/ui/states';
import { Registry } from './registry';
import { REGISTRY_DEFAULTS } from '../../features/registry/registry-query';

// The registry is the tab a visitor opens; the others load when they are chosen (ADR 0032).
const Notices = lazy(async () => ({ default: (await import('./notices')).Notices }));
const PublicSanctions = lazy(async () => ({ default: (await import('./sanctions')).PublicSanctions }));
const WorkingCalendar = lazy(async () => ({ default: (await import('./working-calendar')).WorkingCalendar }));
const later = (tab: ReactNode) => <Suspense fallback={<Loading />}>{tab}</Suspense>;

const TABS = ['registry', 'notices', 'sanctions', 'calendar'] as const;

/** The public area: no sign-in needed. The tab is in the URL, and so are the registry's filters and page. */
export function PublicPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchState({ tab: 'registry', ...REGISTRY_DEFAULTS });
  const tab = TABS.find((k) => k === search.tab) ?? 'registry';
  return (
    <Card title={t('app.publicArea')} extra={<Link to="/public/objections/follow">{t('objections.public.link')}</Link>}>
      <Tabs
        activeKey={tab}
        // The registry's filters belong to the registry: switching tabs drops them.
        onChange={(k) => setSearch({ ...REGISTRY_DEFAULTS, tab: k })}
        destroyOnHidden
        items={[
          { key: 'registry', label: t('public.registry.title'), children: <Registry /> },
          { key: 'notices', label: t('notices.tab'), children: later(<Notices />) },
          { key: 'sanctions', label: t('public.sanctions.title'), children: later(<PublicSanctions />) },
          { key: 'calendar', label: t('public.calendar.title'), children: later(<WorkingCalendar />) },
        ]}
      />
    </Card>
  );
}
