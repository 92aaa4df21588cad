import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';

// The API client (under the form's error mapping) reads the page's origin on import; these tests run in Node.
vi.hoisted(() => Object.assign(globalThis, { window: { location: { origin: 'http://localhost' } } }));
import { byDate, CalendarView, defaultYear, entriesOf, entryErrors, initialYear, yearBody, yearsOf } from './calendar-form';

const VIEW: CalendarView = {
  years: [
    { year: 2026, confirmed: true, source: '国务院办公厅关于2026年部分节假日安排的通知', confirmedAt: '2025-11-10T02:00:00Z' },
    { year: 2027, confirmed: false, source: '国务院办公厅关于2027年部分节假日安排的通知', confirmedAt: null },
  ],
  entries: [
    { date: '2026-01-01', kind: 'holiday', nameZh: '元旦' },
    { date: '2027-01-01', kind: 'holiday', nameZh: '元旦' },
    { date: '2027-02-06', kind: 'makeup_workday', nameZh: '春节调休上班' },
  ],
};

describe('M9.2 the calendar year form', () => {
  it('starts from what the calendar holds for that year only, or empty for a year not entered', () => {
    const y = initialYear(VIEW, 2027);
    expect(y.source).toBe(VIEW.years[1].source);
    expect(y.confirmed).toBe(false);
    expect(y.holidays.map((r) => r.date?.format('YYYY-MM-DD'))).toEqual(['2027-01-01']);
    expect(y.makeupWorkdays.map((r) => r.nameZh)).toEqual(['春节调休上班']);
    expect(initialYear(VIEW, 2030)).toEqual({ source: '', confirmed: false, holidays: [], makeupWorkdays: [] });
  });

  it('sends holidays first, then make-up days, names trimmed, and each entry knows its row', () => {
    const form = {
      source: ' 通知 ',
      confirmed: true,
      holidays: [{ date: dayjs('2027-01-01'), nameZh: ' 元旦 ' }],
      makeupWorkdays: [{ date: dayjs('2027-02-06'), nameZh: '调休' }, { date: null, nameZh: '' }],
    };
    const entries = entriesOf(form);
    expect(entries.map((e) => [e.list, e.index, e.date])).toEqual([
      ['holidays', 0, '2027-01-01'],
      ['makeupWorkdays', 0, '2027-02-06'],
      ['makeupWorkdays', 1, ''],
    ]);
    expect(yearBody(form, entries)).toEqual({
      source: '通知',
      confirmed: true,
      entries: [
        { date: '2027-01-01', kind: 'holiday', nameZh: '元旦' },
        { date: '2027-02-06', kind: 'makeup_workday', nameZh: '调休' },
        { date: '', kind: 'makeup_workday', nameZh: '' },
      ],
    });
  });

  it('puts the server\'s entries.N errors back at the row they came from; a wrong kind at its date', () => {
    const entries = entriesOf({ holidays: [{ date: dayjs('2027-01-01'), nameZh: '元旦' }], makeupWorkdays: [{ date: dayjs('2027-02-03'), nameZh: '调休' }] });
    expect(
      entryErrors(
        [
          { field: 'entries.1.date', message: '调休上班日应为周六或周日 / Make-up working days fall on weekends' },
          { field: 'entries.0.kind', message: 'k' },
          { field: 'entries.7.date', message: 'out of range' },
          { field: 'source', message: 'not an entry' },
        ],
        entries,
      ),
    ).toEqual([
      { name: ['makeupWorkdays', 0, 'date'], message: '调休上班日应为周六或周日 / Make-up working days fall on weekends' },
      { name: ['holidays', 0, 'date'], message: 'k' },
    ]);
  });

  it('marks the month view from the rows with a date, whatever their state', () => {
    const days = byDate([{ date: dayjs('2027-01-01'), nameZh: '元旦' }, { date: null }], [{ date: dayjs('2027-02-06'), nameZh: '调休' }]);
    expect([...days.entries()]).toEqual([
      ['2027-01-01', { kind: 'holiday', nameZh: '元旦' }],
      ['2027-02-06', { kind: 'makeup_workday', nameZh: '调休' }],
    ]);
  });
});

describe('which year the calendar page shows', () => {
  it('lists the calendar\'s years and the one being entered, newest first', () => {
    expect(yearsOf(VIEW)).toEqual([2027, 2026]);
    expect(yearsOf(VIEW, 2028)).toEqual([2028, 2027, 2026]);
    expect(yearsOf(VIEW, 2026)).toEqual([2027, 2026]);
  });

  it('by default the nearest year still to confirm, else the current year, else the newest', () => {
    expect(defaultYear(VIEW, [2028, 2027, 2026], 2026)).toBe(2027);
    const confirmed = { ...VIEW, years: VIEW.years.map((y) => ({ ...y, confirmed: true })) };
    expect(defaultYear(confirmed, [2027, 2026], 2026)).toBe(2026);
    expect(defaultYear(confirmed, [2027, 2026], 2031)).toBe(2027);
    expect(defaultYear(confirmed, [], 2026)).toBeUndefined();
  });
});
