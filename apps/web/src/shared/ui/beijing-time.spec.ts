import { afterAll, describe, expect, it } from 'vitest';
import { beijingIso, beijingPickerValue, beijingToday, formatBeijing } from './beijing-time';

// Issue 13 item 10: every time the console shows is Beijing time (Asia/Shanghai, UTC+8), whatever
// zone the browser is in. Node reads TZ afresh when it changes, so each case runs in a browser zone
// far from Beijing and in Beijing itself.
const ZONES = ['America/New_York', 'UTC', 'Pacific/Kiritimati', 'Asia/Shanghai'];
const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe.each(ZONES)('Beijing time in a browser set to %s', (zone) => {
  it('the zone is in force (the test could fail)', () => {
    process.env.TZ = zone;
    const offset = new Date('2026-12-31T16:30:00Z').getTimezoneOffset();
    expect(offset).toBe({ 'America/New_York': 300, UTC: 0, 'Pacific/Kiritimati': -840, 'Asia/Shanghai': -480 }[zone]);
  });

  it('shows 2026-12-31T16:30:00Z as the Beijing New Year, in every format', () => {
    process.env.TZ = zone;
    const at = '2026-12-31T16:30:00Z';
    expect(formatBeijing(at)).toBe('2027-01-01 00:30');
    expect(formatBeijing(at, 'second')).toBe('2027-01-01 00:30:00');
    expect(formatBeijing(at, 'date')).toBe('2027-01-01');
    expect(formatBeijing(at, 'clock')).toBe('00:30:00');
    expect(formatBeijing(at, 'short')).toBe('01-01 00:30');
    expect(formatBeijing(new Date(at), 'second')).toBe('2027-01-01 00:30:00');
    expect(formatBeijing('2027-01-01T00:30:00+08:00')).toBe('2027-01-01 00:30');
  });

  it('shows a Beijing time the browser clock skips (New York springs forward at 02:00 on 2027-03-14)', () => {
    process.env.TZ = zone;
    expect(formatBeijing('2027-03-13T18:30:00Z', 'second')).toBe('2027-03-14 02:30:00');
  });

  it('shows nothing yet as a dash, and text that is no time as it is', () => {
    process.env.TZ = zone;
    expect([formatBeijing(null), formatBeijing(undefined), formatBeijing('')]).toEqual(['—', '—', '—']);
    expect(formatBeijing('not a time')).toBe('not a time');
  });

  it('a picker value round-trips to the same instant, sent with +08:00', () => {
    process.env.TZ = zone;
    const picked = beijingPickerValue('2026-12-31T16:30:00Z');
    expect(beijingIso(picked)).toBe('2027-01-01T00:30:00+08:00');
    expect(Date.parse(beijingIso(picked))).toBe(Date.parse('2026-12-31T16:30:00Z'));
    expect(beijingToday().format('YYYY-MM-DD')).toBe(formatBeijing(new Date(), 'date'));
  });
});
