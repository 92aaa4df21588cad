import { createElement, forwardRef, type ComponentType, type Ref } from 'react';

/**
 * antd's icons name themselves in English for screen readers (`<span role="img" aria-label="search">`),
 * in the Chinese UI too, and they sit next to the words they illustrate (a button's text, a
 * message): read aloud they only add an English word. Every icon, antd's own included, goes through
 * this wrapper (vite.config.ts routes @ant-design/icons' base component here): an icon without a
 * label of its own is hidden from screen readers; one given `aria-label` (in the UI's language)
 * keeps it.
 */
export function decorativeUnlessLabelled<P extends object>(Icon: ComponentType<P>): ComponentType<P> {
  const Wrapped = forwardRef((props: P, ref: Ref<unknown>) => {
    const own = props as Record<string, unknown>;
    const labelled = own['aria-label'] !== undefined || own['aria-labelledby'] !== undefined;
    return createElement(Icon, { ...(labelled ? {} : { 'aria-hidden': true, 'aria-label': undefined }), ...props, ref } as P);
  });
  // The two-tone colour helpers antd calls on the base component (not React's own fields).
  for (const [key, value] of Object.entries(Icon)) if (typeof value === 'function' && key !== 'render') Object.assign(Wrapped, { [key]: value });
  Wrapped.displayName = 'DecorativeUnlessLabelled';
  return Wrapped as unknown as ComponentType<P>;
}
