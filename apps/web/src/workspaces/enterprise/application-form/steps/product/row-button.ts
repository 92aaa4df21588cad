import type { CSSProperties } from 'react';

/** A row's remove button, level with its inputs (below their labels). */
export const ROW_BUTTON: CSSProperties = { marginTop: 30 };
