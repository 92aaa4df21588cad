import { Alert, theme } from 'antd';
import type { OpenReviewItem } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';

/** Where an open item of the review belongs on the screen, as the refusal names it (`conditions.M5.1`). */
export const openAt = (open: OpenReviewItem[], field: string) => open.filter((o) => o.field === field);

/** An open item shown at its place: in the user's language, the server's words. */
export function OpenHere({ items }: { items: OpenReviewItem[] }) {
  const { locale } = useI18n();
  const { token } = theme.useToken();
  if (!items.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="open-item"
      style={{ marginBottom: token.marginXS }}
      title={items.map((o) => (locale === 'zh-CN' ? o.message : o.messageEn)).join('；')}
    />
  );
}
