import { submittedPayload } from './submission-payload';

const app = {
  id: '6f1c2d1e-8a7b-4c5d-9e0f-1a2b3c4d5e6f',
  batchId: '7a1c2d1e-8a7b-4c5d-9e0f-1a2b3c4d5e6f',
  applicationNo: '2026-150200-00001',
  prefectureId: '150200',
  productKind: 'FIRST_SET_EQUIPMENT',
  productName: '大型矿用自卸车',
  series: 'ZK',
  model: 'ZK-1',
  rdCompletedOn: '2026-03-01',
  policyProfileId: 'nmg-first-set',
  policyProfileVersion: 'draft',
  enterprise: { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', registeredAddress: '包头市青山区' },
};
const now = new Date('2026-11-10T02:00:00Z');

describe('what preliminary review receives about a submitted version', () => {
  it('M5 M6 M12.1 carries the enterprise\'s declarations, for the prefecture to judge each condition against them', () => {
    const declarations = { ownRd: true, madeWithIntroducedTechnology: false, safetyAccidentDates: [] };
    const payload = submittedPayload({ ...app, draft: { catalogueEntryCode: 'EF04', declarations } }, 1, now);
    expect(payload.declarations).toEqual(declarations);
  });

  it('M5 M6 leaves them out when the form declared nothing (the consumer reads their absence as "not declared")', () => {
    expect('declarations' in submittedPayload({ ...app, draft: { catalogueEntryCode: 'EF04' } }, 1, now)).toBe(false);
    expect('declarations' in submittedPayload(app, 1, now)).toBe(false);
  });

  it('carries when the application was drafted, the start of the intake stage on the dashboards (ADR 0029)', () => {
    const createdAt = new Date('2026-11-01T01:00:00Z');
    expect(submittedPayload({ ...app, createdAt }, 1, now).createdAt).toBe('2026-11-01T01:00:00.000Z');
    expect('createdAt' in submittedPayload(app, 1, now)).toBe(false);
  });
});
