import { describe, expect, it } from 'vitest';
import { noticeTarget } from './notice-target';

describe('a notice opens the page that answers it', () => {
  it('M12.2 M10.2 leads a tracking request and a compliance notice to their pages, any other notice to its application', () => {
    expect(noticeTarget({ kind: 'tracking_report_requested', applicationId: 'a-1' })).toEqual({ path: '/enterprise/tracking-evaluations', label: 'inbox.openTracking' });
    expect(noticeTarget({ kind: 'compliance_notice', applicationId: 'a-1' })).toEqual({ path: '/enterprise/compliance-cases', label: 'inbox.openComplianceCase' });
    expect(noticeTarget({ kind: 'returned', applicationId: 'a-1' })).toEqual({ path: '/enterprise/applications/a-1', label: 'inbox.openApplication' });
  });
});
