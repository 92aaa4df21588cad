import { createElement, forwardRef, type ComponentType, type Ref } from 'react';
import { useLocaleOrNull } from '../i18n/i18n';
import { isMessageKey, translate } from '../i18n/translate';

/**
 * antd's icons name themselves for screen readers in English (`<span role="img" aria-label="search">`),
 * in the Chinese UI too. Every icon, antd's own included, goes through this wrapper (vite.config.ts
 * routes @ant-design/icons' base component here): an icon given `aria-label` keeps it; otherwise it
 * is named from the dictionaries by the icon's name (`icon.search` → 搜索), in the UI's language; an
 * icon without an entry is hidden from screen readers (add one if it stands alone, e.g. in a
 * button without text: the journeys' axe check finds such a button without a name).
 */
export function labelledIcon<P extends object>(Icon: ComponentType<P>): ComponentType<P> {
  const Wrapped = forwardRef<unknown, object>((props: object, ref: Ref<unknown>) => {
    const own = props as { 'aria-label'?: string; 'aria-labelledby'?: string; icon?: { name?: string } };
    const locale = useLocaleOrNull() ?? (document.documentElement.lang === 'en' ? 'en' : 'zh-CN');
    const key = `icon.${own.icon?.name ?? ''}`;
    const label = own['aria-label'] !== undefined || own['aria-labelledby'] !== undefined ? {} : isMessageKey(key) ? { 'aria-label': translate(locale, key) } : { 'aria-hidden': true, 'aria-label': undefined };
    return createElement(Icon, { ...props, ...label, ref } as P);
  });
  // The two-tone colour helpers antd calls on the base component (not React's own fields).
  for (const [key, value] of Object.entries(Icon)) if (typeof value === 'function' && key !== 'render') Object.assign(Wrapped, { [key]: value });
  Wrapped.displayName = 'LabelledIcon';
  return Wrapped as unknown as ComponentType<P>;
}
