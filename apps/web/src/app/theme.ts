import type { ThemeConfig } from 'antd';

// The console's look, in one place: pages style through antd's tokens (theme.useToken()), never
// with colours of their own.
export const THEME: ThemeConfig = {
  token: { colorPrimary: '#b71c1c' },
  components: {
    Layout: { headerPadding: '0 24px' },
  },
};
