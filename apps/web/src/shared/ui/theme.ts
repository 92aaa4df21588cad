import type { ThemeConfig } from 'antd';

/**
 * The console's antd theme. antd's default secondary text (black at 45 %) and link blue (#1677ff)
 * fall short of WCAG 2 AA's 4.5:1 contrast on white, which the browser journeys' axe check enforces:
 * both are darkened here, once for every page.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorLink: '#0958d9',
  },
};
