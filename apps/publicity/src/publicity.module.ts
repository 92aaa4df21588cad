import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { ReviewedCandidatesConsumer } from './candidates/reviewed-candidates.consumer';
import { ReadCandidates } from './candidates/read-candidates';
import { DecideList } from './decision-lists/decide-list';
import { ReadDecisionLists } from './decision-lists/read-decision-lists';
import { CalendarStore } from './calendar/calendar-store';
import { SetCalendarYear } from './calendar/set-calendar-year';
import { PublishList } from './publicity/publish-list';
import { CloseDuePublicities } from './publicity/close-due-publicities';
import { RecognitionRevokedConsumer } from './recognitions/recognition-revoked.consumer';
import { ReadPublicRecognitions } from './recognitions/read-public-recognitions';
import { PublicityHandlers } from './publicity.handlers';
import { createPrisma } from './prisma';

export function publicityModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    providers: [
      CalendarStore,
      SetCalendarYear,
      ReviewedCandidatesConsumer,
      ReadCandidates,
      DecideList,
      ReadDecisionLists,
      PublishList,
      CloseDuePublicities,
      RecognitionRevokedConsumer,
      ReadPublicRecognitions,
      PublicityHandlers,
    ],
  })
  class PublicityModule {}
  return PublicityModule;
}
