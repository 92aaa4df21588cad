import type { CalendarViewV1 } from '@firstset/contracts';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CalendarEntryKind, CHINA_HOLIDAYS_SEED, WorkingDayCalendar } from '@firstset/domain';
import { Clock, PRISMA } from '@firstset/service-kit';
import { Db, Tx } from '../prisma';

export type CalendarView = CalendarViewV1;

/**
 * The working-day calendar table (M9.2). At start it is seeded from the domain's
 * CHINA_HOLIDAYS_SEED with the years it does not hold yet; a year already in the table is the
 * Department's, so its entries and confirmation are never touched by the seed.
 */
@Injectable()
export class CalendarStore implements OnModuleInit {
  private readonly logger = new Logger('CalendarStore');

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const seed = CHINA_HOLIDAYS_SEED;
    const seedYears = new Set([...seed.confirmedYears, ...seed.entries.map((e) => Number(e.date.slice(0, 4)))]);
    const known = new Set((await this.db.calendarYear.findMany({ select: { year: true } })).map((y) => y.year));
    const missing = [...seedYears].filter((y) => !known.has(y)).sort();
    if (missing.length === 0) return;
    const now = this.clock.now();
    await this.db.$transaction(async (tx) => {
      await tx.calendarDay.createMany({
        data: seed.entries
          .filter((e) => missing.includes(Number(e.date.slice(0, 4))))
          .map((e) => ({ date: e.date, kind: e.kind, nameZh: e.nameZh })),
        skipDuplicates: true,
      });
      await tx.calendarYear.createMany({
        data: missing.map((year) => {
          const confirmed = seed.confirmedYears.includes(year);
          return {
            year,
            confirmed,
            // The year's source is the State Council notice it was checked against, what the
            // Department fills in too; the data package it was copied from is in the log only.
            source: seed.notices[year] ?? '',
            confirmedAt: confirmed ? now : null,
          };
        }),
        skipDuplicates: true,
      });
    });
    this.logger.log(`working-day calendar seeded for ${missing.join(', ')} from ${seed.source}`);
  }

  /** The calendar as it stands in the table (read in the caller's transaction). */
  async load(tx: Tx): Promise<WorkingDayCalendar> {
    const days = await tx.calendarDay.findMany();
    const years = await tx.calendarYear.findMany();
    return new WorkingDayCalendar(
      days.map((d) => ({ date: d.date, kind: d.kind as CalendarEntryKind, nameZh: d.nameZh })),
      years.filter((y) => y.confirmed).map((y) => y.year),
    );
  }

  /** The calendar years a period from `from` to `to` was counted on, with their source (M9.2). */
  async yearsUsed(tx: Tx, from: string, to: string): Promise<Array<{ year: number; source: string }>> {
    const years = await tx.calendarYear.findMany({
      where: { year: { gte: Number(from.slice(0, 4)), lte: Number(to.slice(0, 4)) } },
      orderBy: { year: 'asc' },
    });
    return years.map((y) => ({ year: y.year, source: y.source }));
  }

  /** Calendar data is public: anyone may check how a publicity period was counted. */
  async view(): Promise<CalendarView> {
    const [days, years] = await Promise.all([
      this.db.calendarDay.findMany({ orderBy: { date: 'asc' } }),
      this.db.calendarYear.findMany({ orderBy: { year: 'asc' } }),
    ]);
    return {
      years: years.map((y) => ({
        year: y.year,
        confirmed: y.confirmed,
        source: y.source,
        confirmedAt: y.confirmedAt?.toISOString() ?? null,
      })),
      entries: days.map((d) => ({ date: d.date, kind: d.kind, nameZh: d.nameZh })),
    };
  }
}
