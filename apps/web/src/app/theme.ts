import type { ThemeConfig } from 'antd';

/**
 * The console's look, in one place: pages style through antd's tokens (theme.useToken()), never
 * with colours of their own. Several of antd's default text colours fall short of WCAG 2 AA's 4.5:1
 * contrast, which the browser journeys' axe check enforces: secondary, tertiary and placeholder
 * text (black at 45 % and 25 %), the link blue, the error, warning and success colours, and the
 * tags' preset text colours (e.g. green-7 on green-1). They are darkened here, once for every page.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorLink: '#0958d9',
    // antd's #ff4d4f (danger buttons, error text) is 3.2:1 on white, #faad14 and #52c41a
    // (warning and success text) 1.9:1 and 2.3:1.
    colorError: '#cf1322',
    colorWarning: '#ad4e00',
    colorSuccess: '#237804',
    // The status tags' backgrounds stay antd's palest tints: the tints antd derives from the darker
    // colours above are darker too, and the tag's text fell under 4.5:1 on them.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
  },
  components: {
    Layout: { headerPadding: '0 24px' },
    // The month view's days of the neighbouring months are read, not disabled: 4.7:1, still lighter.
    Calendar: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
    // An empty table says so (暂无数据) in text that is read, not disabled.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
    Tag: {
      colorInfo: '#0958d9',
      green7: '#237804',
      orange7: '#ad4e00',
      gold7: '#874d00',
      red7: '#a8071a',
      blue7: '#0958d9',
    },
  },
};
