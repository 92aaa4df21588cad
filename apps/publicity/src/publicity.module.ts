import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { CalendarStore } from './calendar/calendar-store';
import { SetCalendarYear } from './calendar/set-calendar-year';
import { CalendarController } from './calendar/calendar.controller';
import { ReadCandidates } from './candidates/read-candidates';
import { CandidatesController } from './candidates/candidates.controller';
import { ReviewedCandidatesConsumer } from './candidates/reviewed-candidates.consumer';
import { DecideList } from './decision-lists/decide-list';
import { ReadDecisionLists } from './decision-lists/read-decision-lists';
import { DecisionListsController } from './decision-lists/decision-lists.controller';
import { PublishList } from './publicity/publish-list';
import { CloseDuePublicities } from './publicity/close-due-publicities';
import { PublicityController } from './publicity/publicity.controller';
import { ReadPublicRecognitions } from './recognitions/read-public-recognitions';
import { RecognitionsController } from './recognitions/recognitions.controller';
import { RecognitionRevokedConsumer } from './recognitions/recognition-revoked.consumer';
import { createPrisma } from './prisma';

export function publicityModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    controllers: [
      CalendarController,
      CandidatesController,
      DecisionListsController,
      PublicityController,
      RecognitionsController,
      ReviewedCandidatesConsumer,
      RecognitionRevokedConsumer,
    ],
    providers: [
      CalendarStore,
      SetCalendarYear,
      ReadCandidates,
      DecideList,
      ReadDecisionLists,
      PublishList,
      CloseDuePublicities,
      ReadPublicRecognitions,
    ],
  })
  class PublicityModule {}
  return PublicityModule;
}
