import type { MessageKey } from '../../../shared/i18n/zh-CN';

/**
 * Where a notice leads and what its button says: most notices are about an application; a tracking
 * report request and a compliance notice are answered on their own pages.
 */
export function noticeTarget(n: { kind: string; applicationId: string }): { path: string; label: MessageKey } {
  if (n.kind === 'tracking_report_requested') return { path: '/enterprise/tracking-evaluations', label: 'inbox.openTracking' };
  if (n.kind === 'compliance_notice') return { path: '/enterprise/compliance-cases', label: 'inbox.openComplianceCase' };
  return { path: `/enterprise/applications/${n.applicationId}`, label: 'inbox.openApplication' };
}
