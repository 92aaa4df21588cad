import { GetCalendar, SetCalendarYear, SetCalendarYearV1 } from '@firstset/contracts';
import { actors, cleanupTestEnv, newTestEnv, RpcCaller, RunningService, schemaOf, sql, startServiceInProcess } from '@firstset/testing';
import { publicityModule } from '../src/publicity.module';

const env = newTestEnv();
let svc: RunningService;
let rpc: RpcCaller;
const department = actors.department();

beforeAll(async () => {
  svc = await startServiceInProcess(env, 'publicity', publicityModule);
  rpc = await RpcCaller.connect(env);
});

afterAll(async () => {
  await rpc?.close();
  await svc?.close();
  await cleanupTestEnv(env);
});

// The 2027 notice is not out when this is written: these entries are a test fixture, not data.
const year2027 = (confirmed: boolean): SetCalendarYearV1 => ({
  year: 2027,
  confirmed,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  entries: [
    { date: '2027-01-01', kind: 'holiday', nameZh: '元旦' },
    { date: '2027-02-06', kind: 'makeup_workday', nameZh: '春节调休' },
    { date: '2027-02-08', kind: 'holiday', nameZh: '春节' },
  ],
});

type CalendarView = { years: Array<{ year: number; confirmed: boolean; source: string }>; entries: Array<{ date: string }> };

describe('working-day calendar', () => {
  it('M9.2 a seeded year names the State Council notice it was checked against, not the data package', async () => {
    const view = await rpc.request<CalendarView>(GetCalendar, {});
    expect(view.years.filter((y) => y.year <= 2026).map((y) => [y.year, y.source])).toEqual([
      [2024, '国务院办公厅关于2024年部分节假日安排的通知'],
      [2025, '国务院办公厅关于2025年部分节假日安排的通知'],
      [2026, '国务院办公厅关于2026年部分节假日安排的通知'],
    ]);
  });

  it('M9.2 the Department enters and confirms a year from the State Council notice', async () => {
    const res = await rpc.request(SetCalendarYear, year2027(true), department);
    expect(res).toMatchObject({ year: 2027, confirmed: true, holidays: 2, makeupWorkdays: 1 });
    const view = await rpc.request<CalendarView>(GetCalendar, {});
    expect(view.years.find((y) => y.year === 2027)).toMatchObject({ confirmed: true, source: expect.stringContaining('2027') });
    expect(view.entries.filter((e) => e.date.startsWith('2027-')).map((e) => e.date)).toEqual(['2027-01-01', '2027-02-06', '2027-02-08']);
  });

  it('M9.2 replacing a year replaces its entries; unconfirming it takes it out of the count', async () => {
    await rpc.request(SetCalendarYear, { ...year2027(false), entries: year2027(false).entries.slice(0, 1) }, department);
    const view = await rpc.request<CalendarView>(GetCalendar, {});
    expect(view.years.find((y) => y.year === 2027)?.confirmed).toBe(false);
    expect(view.entries.filter((e) => e.date.startsWith('2027-'))).toHaveLength(1);
  });

  it('refuses entries the domain rejects and changes nothing', async () => {
    const before = await sql(env, `SELECT * FROM "${schemaOf(env, 'publicity')}".calendar_days ORDER BY date`);
    const weekdayMakeup = await rpc.refusal(
      SetCalendarYear,
      { ...year2027(true), entries: [{ date: '2027-02-09', kind: 'makeup_workday', nameZh: '周二调休？' }] },
      department,
    );
    expect([weekdayMakeup.code, weekdayMakeup.status]).toEqual(['CALENDAR_ENTRY_INVALID', 422]);
    // M9.2 the problem is named at the entry's field, in both languages, for the form to show there.
    expect(weekdayMakeup.error.errors).toEqual([
      { field: 'entries.0.date', message: '调休上班日应为周六或周日 / a make-up working day must fall on a Saturday or Sunday', rule: 'CALENDAR_ENTRY_INVALID' },
    ]);
    const twice = await rpc.refusal(
      SetCalendarYear,
      { ...year2027(true), entries: [{ date: '2027-10-01', kind: 'holiday', nameZh: '国庆节' }, { date: '2027-02-06', kind: 'makeup_workday', nameZh: '春节调休' }, { date: '2027-10-01', kind: 'makeup_workday', nameZh: '国庆调休' }] },
      department,
    );
    expect(twice.error.errors).toEqual([{ field: 'entries.2.date', message: expect.stringMatching(/^(同一日期出现两次|调休上班日应为周六或周日) \//), rule: 'CALENDAR_ENTRY_INVALID' }]);
    const otherYear = await rpc.refusal(
      SetCalendarYear,
      { ...year2027(true), entries: [{ date: '2028-01-01', kind: 'holiday', nameZh: '元旦' }] },
      department,
    );
    expect(otherYear.code).toBe('CALENDAR_ENTRY_INVALID');
    const impossible = await rpc.refusal(SetCalendarYear, { ...year2027(true), entries: [{ date: '2027-02-30', kind: 'holiday', nameZh: 'x' }] }, department);
    expect(impossible.code).toBe('VALIDATION_FAILED');
    expect(impossible.error.errors).toEqual([
      { field: 'entries.0.date', message: '须为有效的日期（年-月-日，1900–2999 年） / must be a real calendar date, YYYY-MM-DD, years 1900–2999', rule: 'isLocalDate' },
    ]);
    expect(await sql(env, `SELECT * FROM "${schemaOf(env, 'publicity')}".calendar_days ORDER BY date`)).toEqual(before);
  });

  it('only the Department edits the calendar', async () => {
    const err = await rpc.refusal(SetCalendarYear, year2027(true), actors.prefecture('150200'));
    expect([err.code, err.status]).toEqual(['FORBIDDEN_ROLE', 403]);
  });
});
