import { describe, expect, it } from 'vitest';
import { AUDIT_DEFAULTS, auditQueryOf, LABELLED_ACTIONS, organisationOf } from './audit-query';

describe('the audit log query (ADR 0028)', () => {
  it('turns the URL\'s days into Beijing midnights, the last day included', () => {
    expect(auditQueryOf({ ...AUDIT_DEFAULTS, fromDay: '2026-12-31', toDay: '2026-12-31' })).toEqual({ from: '2026-12-31T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
  });

  it('sends only what the gateway takes: trimmed text, known roles and outcomes, well-formed days', () => {
    expect(auditQueryOf({ ...AUDIT_DEFAULTS, actor: '  王科长 ', role: 'root', outcome: 'maybe', fromDay: '2026-13', objectId: ' ' }, 20)).toEqual({ actor: '王科长', pageSize: 20 });
    expect(auditQueryOf({ ...AUDIT_DEFAULTS, role: 'auditor', outcome: 'rejected', cursor: 'abc' })).toEqual({ role: 'auditor', outcome: 'rejected', cursor: 'abc' });
  });

  it('reads a recorded jurisdiction as kind and code', () => {
    expect([organisationOf('prefecture:150200'), organisationOf('region'), organisationOf(null)]).toEqual([{ kind: 'prefecture', code: '150200' }, { kind: 'region', code: '' }, null]);
  });

  it('labels the return for correction, the download and the export', () => {
    expect(LABELLED_ACTIONS).toEqual(expect.arrayContaining(['review.return', 'material.download', 'audit.export']));
  });
});
