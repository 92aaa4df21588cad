import { DLQ_STREAM_DEFAULTS, EVENT_STREAM_DEFAULTS, limitsOf, parseDuration, parseSize, streamOverridesFromEnv } from './stream-limits';

const KNOWN = ['INTAKE_EVENTS', 'PUBLICITY_EVENTS'];

describe('stream limits: replicas, age, size and storage per stream from configuration', () => {
  it('reads durations and sizes in the units an operator writes', () => {
    expect(parseDuration('90d')).toBe(90 * 86_400_000);
    expect(parseDuration('12h')).toBe(43_200_000);
    expect(parseDuration('0')).toBe(0);
    expect(parseSize('256MiB')).toBe(256 * 1024 ** 2);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    for (const bad of ['90', '-1d', '1.5d', '90 d', '']) expect(() => parseDuration(bad)).toThrow(/not a duration/);
    for (const bad of ['1GB', '1024', '1.5GiB', '-1MiB']) expect(() => parseSize(bad)).toThrow(/not a size/);
  });

  it('gives event streams a bounded age and size and the dead letters a size bound only', () => {
    expect(limitsOf('INTAKE_EVENTS', undefined)).toEqual(EVENT_STREAM_DEFAULTS);
    expect(limitsOf('DLQ', undefined)).toEqual(DLQ_STREAM_DEFAULTS);
    expect(DLQ_STREAM_DEFAULTS.maxAgeMs).toBe(0);
    expect(DLQ_STREAM_DEFAULTS.maxBytes).toBeGreaterThan(0);
  });

  it('applies the defaults, then the code, then * , then the stream by name', () => {
    const overrides = streamOverridesFromEnv(
      { JETSTREAM_REPLICAS: '3', JETSTREAM_STREAMS: '{"INTAKE_EVENTS":{"maxAge":"180d","maxBytes":"4GiB"},"DLQ":{"replicas":1}}' },
      KNOWN,
    );
    expect(limitsOf('INTAKE_EVENTS', { maxBytes: 2 * 1024 ** 3 }, overrides)).toEqual({
      replicas: 3,
      maxAgeMs: 180 * 86_400_000,
      maxBytes: 4 * 1024 ** 3,
      storage: 'file',
    });
    expect(limitsOf('PUBLICITY_EVENTS', { maxBytes: 2 * 1024 ** 3 }, overrides)).toMatchObject({ replicas: 3, maxBytes: 2 * 1024 ** 3 });
    expect(limitsOf('DLQ', undefined, overrides).replicas).toBe(1);
  });

  it('is empty when nothing is configured', () => {
    expect(streamOverridesFromEnv({}, KNOWN)).toEqual({});
    expect(streamOverridesFromEnv({ JETSTREAM_REPLICAS: ' ', JETSTREAM_STREAMS: '' }, KNOWN)).toEqual({});
  });

  it.each([
    [{ JETSTREAM_REPLICAS: '2x' }, /JETSTREAM_REPLICAS must be 1 to 5/],
    [{ JETSTREAM_REPLICAS: '7' }, /JETSTREAM_REPLICAS must be 1 to 5/],
    [{ JETSTREAM_STREAMS: '{not json' }, /must be JSON/],
    [{ JETSTREAM_STREAMS: '[1]' }, /JSON object/],
    [{ JETSTREAM_STREAMS: '{"INTAKE_EVENT":{"replicas":3}}' }, /no stream "INTAKE_EVENT"/],
    [{ JETSTREAM_STREAMS: '{"INTAKE_EVENTS":3}' }, /must be an object/],
    [{ JETSTREAM_STREAMS: '{"INTAKE_EVENTS":{"replicas":0}}' }, /replicas must be 1 to 5/],
    [{ JETSTREAM_STREAMS: '{"INTAKE_EVENTS":{"replicas":"3"}}' }, /JETSTREAM_STREAMS.INTAKE_EVENTS.replicas/],
    [{ JETSTREAM_STREAMS: '{"INTAKE_EVENTS":{"maxAge":"forever"}}' }, /JETSTREAM_STREAMS.INTAKE_EVENTS.maxAge: "forever" is not a duration/],
    [{ JETSTREAM_STREAMS: '{"INTAKE_EVENTS":{"maxBytes":"1KiB"}}' }, /at least 1MiB/],
    [{ JETSTREAM_STREAMS: '{"INTAKE_EVENTS":{"storage":"disk"}}' }, /JETSTREAM_STREAMS.INTAKE_EVENTS.storage/],
    [{ JETSTREAM_STREAMS: '{"*":{"retention":"work"}}' }, /JETSTREAM_STREAMS.\*.retention/],
  ])('refuses %j, naming what is wrong', (env, message) => {
    expect(() => streamOverridesFromEnv(env, KNOWN)).toThrow(message);
  });
});
