import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import * as contracts from './index';
import { ApplicationViewV1, BatchViewV1, defineContract, defineQuery, EmptyDto, EVENT_STREAMS, MessageContract } from './index';

const all = (Object.values(contracts) as unknown[]).filter(
  (v): v is MessageContract => typeof v === 'object' && v !== null && 'subject' in v && 'schema' in v,
);

describe('contracts', () => {
  it('every subject is unique and versioned', () => {
    const subjects = all.map((c) => c.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    for (const s of subjects) expect(s).toMatch(/\.v\d+$/);
  });

  it('rejects a subject without a version', () => {
    expect(() => defineContract('event', 'intake.application.submitted', class {})).toThrow(/v<N>/);
  });

  it('every event belongs to exactly one stream and streams hold only events', () => {
    const streamed = Object.values(EVENT_STREAMS).flat();
    expect(streamed.every((c) => c.kind === 'event')).toBe(true);
    const events = all.filter((c) => c.kind === 'event');
    expect(new Set(streamed.map((c) => c.subject))).toEqual(new Set(events.map((c) => c.subject)));
  });

  it('validates nested payloads and reports the failing field', () => {
    const bad = plainToInstance(contracts.ApplicationSubmittedV1, {
      applicationId: 'not-a-uuid',
      enterprise: { uscc: 'lowercase', name: 'x', registeredAddress: 'y' },
    });
    const errors = validateSync(bad);
    const fields = errors.map((e) => e.property);
    expect(fields).toEqual(expect.arrayContaining(['applicationId', 'enterprise', 'product', 'batchId']));
  });

  it('M9.1 application.reviewed carries the signed report optionally, validated to its fields; the report commands refuse a recommendation outside the two', () => {
    const summary = {
      applicationId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b',
      batchId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5c',
      applicationNo: '2026-150200-00001',
      prefectureId: '150200',
      enterprise: { uscc: '91150200MA0N4KXX4C', name: '包头北方重型装备有限公司', registeredAddress: '包头市' },
      product: { kind: 'FIRST_SET_EQUIPMENT', name: '矿用自卸车', series: 'ZK', model: 'ZK-1', rdCompletedOn: '2026-03-01' },
      score: 85,
      opinion: '同意',
      reviewedAt: '2026-11-25T08:00:00.000Z',
    };
    expect(validateSync(plainToInstance(contracts.ApplicationReviewedV1, summary))).toEqual([]);
    const report = { recommendation: 'recommend', reasons: '领先', criterionMeans: [{ criterionId: 'innovation', nameZh: '创新性', mean: 8.5 }], siteConclusions: [{ visitOn: '2026-11-20', conclusion: 'confirmed', note: null }], signedAt: '2026-11-25T08:00:00.000Z', signedByName: '赵主任' };
    expect(validateSync(plainToInstance(contracts.ApplicationReviewedV1, { ...summary, report }))).toEqual([]);
    const bad = validateSync(plainToInstance(contracts.ApplicationReviewedV1, { ...summary, report: { ...report, recommendation: 'maybe', siteConclusions: [{ visitOn: '2026-11-20', conclusion: 'probably' }] } }));
    expect(bad.map((e) => e.property)).toEqual(['report']);
    expect(bad[0]!.children!.map((e) => e.property).sort()).toEqual(['recommendation', 'siteConclusions']);
    const save = validateSync(plainToInstance(contracts.SaveReviewReportV1, { applicationId: summary.applicationId, recommendation: 'on_site_needed', reasons: 'x', expectedVersion: -1 }));
    expect(save.map((e) => e.property).sort()).toEqual(['expectedVersion', 'recommendation']);
  });

  it('types each reply from the registry replies.ts fills in (checked by `npm run typecheck`)', () => {
    const replyOf = <R>(c: MessageContract<unknown, R>): R | undefined => c.replyType;
    const view: ApplicationViewV1 | undefined = replyOf(contracts.SubmitApplication);
    // @ts-expect-error -- SubmitApplication replies with an application, not a batch
    const batch: BatchViewV1 | undefined = replyOf(contracts.SubmitApplication);
    // @ts-expect-error -- a reply name that replies.ts does not list
    const unknownReply = () => defineQuery('intake.nothing.get.v1', EmptyDto, 'NoSuchReplyV1');
    expect([view, batch, typeof unknownReply]).toEqual([undefined, undefined, 'function']);
  });
});
