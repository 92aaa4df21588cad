import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { CalendarStore } from './calendar/calendar-store';
import { SetCalendarYear } from './calendar/set-calendar-year';
import { CalendarController } from './calendar/calendar.controller';
import { ReadCandidates } from './candidates/read-candidates';
import { CandidatesController } from './candidates/candidates.controller';
import { ReviewedCandidatesConsumer } from './candidates/reviewed-candidates.consumer';
import { WithdrawnCandidatesConsumer } from './candidates/withdrawn-candidates.consumer';
import { DecideBatch } from './decision-lists/decide-batch';
import { WithdrawDecisionList } from './decision-lists/withdraw-decision-list';
import { ObjectionFiles } from './objections/objection-files';
import { ReadDecisionLists } from './decision-lists/read-decision-lists';
import { DecisionListsController } from './decision-lists/decision-lists.controller';
import { PublishList } from './publicity/publish-list';
import { ReadPublicNotices } from './publicity/read-public-notices';
import { ClosePublicity, CloseDuePublicities } from './publicity/close-due-publicities';
import { PublicityCloseScheduler } from './publicity/close-scheduler';
import { IssueRecognitionDocument } from './recognitions/issue-recognition-document';
import { IssuingController } from './recognitions/issuing.controller';
import { ReadIssuing } from './recognitions/read-issuing';
import { PublicityController } from './publicity/publicity.controller';
import { AmendRecognition } from './recognitions/amend-recognition';
import { ReadRecognitionHistory } from './recognitions/recognition-history';
import { SearchPublicRecognitions } from './recognitions/search-public-recognitions';
import { VerifyRecognition } from './recognitions/verify-recognition';
import { RecognitionsController } from './recognitions/recognitions.controller';
import { RecognitionRevokedConsumer } from './recognitions/recognition-revoked.consumer';
import { RecognitionExpiredConsumer } from './recognitions/recognition-expired.consumer';
import { AnswerObjectionInquiry } from './objections/answer-objection-inquiry';
import { AskObjectionParty } from './objections/ask-objection-party';
import { AssessObjection } from './objections/assess-objection';
import { DecideObjection } from './objections/decide-objection';
import { AttachObjectionEvidence, LodgeObjection } from './objections/lodge-objection';
import { ObjectionsController } from './objections/objections.controller';
import { ReadObjections } from './objections/read-objections';
import { WorkloadController } from './workload/workload.controller';
import { ReadWorkload } from './workload/read-workload';
import { ReadPrefectureRecognitions } from './recognitions/prefecture-recognitions';
import { PrefectureRecognitionsController } from './recognitions/prefecture-recognitions.controller';
import { SendExpiryNotices } from './recognitions/send-expiry-notices';
import { ExpiryNoticeScheduler } from './recognitions/expiry-notice-scheduler';
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
      ObjectionsController,
      WorkloadController,
      IssuingController,
      ReviewedCandidatesConsumer,
      WithdrawnCandidatesConsumer,
      RecognitionRevokedConsumer,
      RecognitionExpiredConsumer,
      PrefectureRecognitionsController,
    ],
    providers: [
      CalendarStore,
      SetCalendarYear,
      ReadCandidates,
      DecideBatch,
      ReadDecisionLists,
      WithdrawDecisionList,
      PublishList,
      ReadPublicNotices,
      CloseDuePublicities,
      ClosePublicity,
      PublicityCloseScheduler,
      IssueRecognitionDocument,
      ReadIssuing,
      SearchPublicRecognitions,
      VerifyRecognition,
      ReadRecognitionHistory,
      AmendRecognition,
      LodgeObjection,
      AttachObjectionEvidence,
      AssessObjection,
      AskObjectionParty,
      AnswerObjectionInquiry,
      DecideObjection,
      ReadObjections,
      ReadWorkload,
      ReadPrefectureRecognitions,
      SendExpiryNotices,
      ExpiryNoticeScheduler,
      ObjectionFiles,
    ],
  })
  class PublicityModule {}
  return PublicityModule;
}
