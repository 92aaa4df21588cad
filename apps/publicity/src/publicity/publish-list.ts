import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ApplicationAction,
  ApplicationState,
  PolicyProfileRegistry,
  parseLocalDate,
  publicityPeriod,
  startOfShanghaiDay,
  toShanghaiDate,
  transition,
} from '@firstset/domain';
import { PublicityStarted, PublishListV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { CalendarStore } from '../calendar/calendar-store';
import { PublicityErrors } from '../publicity.errors';
import { Tx } from '../prisma';
import { PublicityView, toPublicityView } from './publicity-view';

/**
 * The Department publishes a decided list online (M9.2): the period is counted in working days on
 * the confirmed calendar; a year not confirmed yet refuses the publication and changes nothing.
 * The publication date is today or later and not before the decision; an empty list is refused.
 * The publicity keeps what the public notice prints: the calendar years used, the contact, the
 * instant objections open.
 */
@Injectable()
export class PublishList {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly calendar: CalendarStore,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: PublishListV1, meta: MessageMeta): Promise<PublicityView & { applicationIds: string[] }> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'decision-list.publish', objectType: 'decision-list', objectId: input.decisionListId };
    return this.commands.run(meta, spec, async (tx) => {
      const list = await tx.decisionList.findUnique({
        where: { id: input.decisionListId },
        include: { entries: { include: { candidate: true } } },
      });
      if (!list) throw PublicityErrors.decisionListNotFound();
      if (list.status === 'WITHDRAWN') throw PublicityErrors.listWithdrawn();
      if (list.status !== 'DECIDED') throw PublicityErrors.alreadyPublished(list.status);
      if (list.entries.length === 0) throw PublicityErrors.emptyList();
      const today = toShanghaiDate(this.clock.now());
      const publicationDate = domainRule(() => parseLocalDate(input.publicationDate ?? today, 'publicationDate'));
      // M9.2: a notice is published from now on, never back-dated, and never before its decision.
      const earliest = today > list.decidedOn ? today : list.decidedOn;
      if (publicationDate < earliest) throw PublicityErrors.publicationDatePast(earliest);
      // M15, M9.2: the publicity lasts the working days of the list's batch profile (a list is one batch's).
      const refs = new Set(list.entries.map((e) => `${e.candidate.policyProfileId}@${e.candidate.policyProfileVersion}`));
      if (refs.size > 1) throw PublicityErrors.profilesMixed([...refs]);
      const first = list.entries[0]?.candidate;
      const profile = domainRule(() => this.profiles.resolve(first && { id: first.policyProfileId, version: first.policyProfileVersion }));
      const calendar = await this.calendar.load(tx);
      const period = domainRule(() => publicityPeriod(publicationDate, profile, calendar));
      const calendarUsed = await this.calendar.yearsUsed(tx, period.publicationDate, period.endDate);
      const applicationIds = list.entries.map((e) => e.applicationId);
      for (const entry of list.entries) {
        domainRule(() =>
          transition(entry.candidate.state as ApplicationState, ApplicationAction.startPublicity, 'department_officer', {
            facts: { publicityPeriodComputed: true },
          }),
        );
      }
      const listCas = await tx.decisionList.updateMany({
        where: { id: list.id, status: 'DECIDED' },
        data: { status: 'PUBLISHED' },
      });
      const moved = await tx.candidate.updateMany({
        where: { applicationId: { in: applicationIds }, state: ApplicationState.ON_DECISION_LIST },
        data: { state: ApplicationState.IN_PUBLICITY },
      });
      if (listCas.count !== 1 || moved.count !== applicationIds.length) throw PublicityErrors.concurrentChange();
      const publicity = await tx.publicity.create({
        data: {
          id: randomUUID(),
          decisionListId: list.id,
          publicationDate: period.publicationDate,
          startDate: period.startDate,
          endDate: period.endDate,
          workingDays: period.workingDays,
          endsAt: period.endsAt,
          ruleZh: period.rule.descriptionZh,
          ruleEn: period.rule.descriptionEn,
          profileId: period.rule.profile.id,
          profileVersion: period.rule.profile.version,
          status: 'open',
          publishedBy: actor.userId,
          startsAt: startOfShanghaiDay(period.startDate),
          contact: { ...profile.recognition.noticeContact },
          calendarUsed,
        },
      });
      await this.outbox.append(
        tx,
        PublicityStarted,
        {
          publicityId: publicity.id,
          decisionListId: list.id,
          applicationIds,
          startDate: period.startDate,
          endDate: period.endDate,
          workingDays: period.workingDays,
          countingRule: `${period.rule.descriptionZh} / ${period.rule.descriptionEn}`,
        },
        meta,
      );
      return {
        result: { ...toPublicityView(publicity), applicationIds },
        detail: { publicityId: publicity.id, startDate: period.startDate, endDate: period.endDate },
      };
    });
  }
}
