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
