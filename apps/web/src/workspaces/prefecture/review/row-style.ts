import { theme } from 'antd';
import type { CSSProperties } from 'react';

/** A row of the review sheet (a checklist item, a condition): a divider under it, in the theme's colours. */
export function useRowStyle(): CSSProperties {
  const { token } = theme.useToken();
  return { borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`, padding: `${token.paddingSM}px 0` };
}
