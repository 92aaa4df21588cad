import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import * as contracts from './index';
import { defineContract, EVENT_STREAMS, MessageContract } from './index';

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
});
