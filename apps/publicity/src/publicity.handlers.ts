import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  CloseDuePublicities as CloseDuePublicitiesContract,
  DecideList as DecideListContract,
  GetCalendar,
  SetCalendarYear as SetCalendarYearContract,
  ListCandidates,
  ListDecisionLists,
  ListPublicRecognitions,
  PublishList as PublishListContract,
} from '@firstset/contracts';
import { RpcServer } from '@firstset/messaging';
import { handleRpc } from '@firstset/service-kit';
import { ReadCandidates } from './candidates/read-candidates';
import { DecideList } from './decision-lists/decide-list';
import { ReadDecisionLists } from './decision-lists/read-decision-lists';
import { CalendarStore } from './calendar/calendar-store';
import { SetCalendarYear } from './calendar/set-calendar-year';
import { PublishList } from './publicity/publish-list';
import { CloseDuePublicities } from './publicity/close-due-publicities';
import { ReadPublicRecognitions } from './recognitions/read-public-recognitions';

/** Publicity's NATS commands and queries: map each message to its use case, nothing more. */
@Injectable()
export class PublicityHandlers implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly readCandidates: ReadCandidates,
    private readonly decideList: DecideList,
    private readonly readDecisionLists: ReadDecisionLists,
    private readonly calendar: CalendarStore,
    private readonly setCalendarYear: SetCalendarYear,
    private readonly publishList: PublishList,
    private readonly closeDuePublicities: CloseDuePublicities,
    private readonly readPublicRecognitions: ReadPublicRecognitions,
  ) {}

  async onModuleInit(): Promise<void> {
    await handleRpc(this.rpc, ListCandidates, (p, m) => this.readCandidates.list(p, m));
    await handleRpc(this.rpc, DecideListContract, (p, m) => this.decideList.execute(p, m));
    await handleRpc(this.rpc, ListDecisionLists, (p, m) => this.readDecisionLists.list(p, m));
    await handleRpc(this.rpc, GetCalendar, () => this.calendar.view());
    await handleRpc(this.rpc, SetCalendarYearContract, (p, m) => this.setCalendarYear.execute(p, m));
    await handleRpc(this.rpc, PublishListContract, (p, m) => this.publishList.execute(p, m));
    await handleRpc(this.rpc, CloseDuePublicitiesContract, (_p, m) => this.closeDuePublicities.execute(m));
    await handleRpc(this.rpc, ListPublicRecognitions, () => this.readPublicRecognitions.list());
  }
}
