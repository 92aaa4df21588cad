import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { RecognitionIssuedConsumer } from './recognitions/recognition-issued.consumer';
import { ReadRecognitions } from './recognitions/read-recognitions';
import { ExpireDueRecognitions } from './recognitions/expire-recognitions';
import { ExpiryScheduler } from './recognitions/expiry-scheduler';
import { ReadApplicantBans } from './bans/read-applicant-bans';
import { ReadSanctions } from './sanctions/read-sanctions';
import { RecognitionsController } from './recognitions/recognitions.controller';
import { BansController } from './bans/bans.controller';
import { SanctionsController } from './sanctions/sanctions.controller';
import { CasesController } from './cases/cases.controller';
import { CaseSubjects } from './cases/case-subjects';
import { DecideCase } from './cases/decide-case';
import { DropCase } from './cases/drop-case';
import { NotifyParty } from './cases/notify-party';
import { OpenCase } from './cases/open-case';
import { ReadCases } from './cases/read-cases';
import { StateCase } from './cases/state-case';
import { ChangeSanction } from './registry/change-sanction';
import { SanctionImposer } from './registry/impose-sanctions';
import { ReadRegistry } from './registry/read-registry';
import { RegistryController } from './registry/registry.controller';
import { ConcludeTrackingEvaluation } from './tracking/conclude-tracking-evaluation';
import { ReadTrackingEvaluations } from './tracking/read-tracking-evaluations';
import { SummarizeTracking } from './tracking/summarize-tracking';
import { RequestTrackingReport } from './tracking/request-tracking-report';
import { SubmitTrackingReport } from './tracking/submit-tracking-report';
import { TrackingController } from './tracking/tracking.controller';
import { WorkloadController } from './workload/workload.controller';
import { ReadWorkload } from './workload/read-workload';
import { TrackingFiles } from './tracking/tracking-files';
import { createPrisma } from './prisma';

export function complianceModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    controllers: [RecognitionsController, BansController, SanctionsController, CasesController, RegistryController, TrackingController, WorkloadController, RecognitionIssuedConsumer],
    providers: [
      ReadWorkload,
      ReadRecognitions,
      ExpireDueRecognitions,
      ExpiryScheduler,
      ReadApplicantBans,
      ReadSanctions,
      CaseSubjects,
      OpenCase,
      NotifyParty,
      StateCase,
      DecideCase,
      DropCase,
      ReadCases,
      SanctionImposer,
      ChangeSanction,
      ReadRegistry,
      RequestTrackingReport,
      SubmitTrackingReport,
      ConcludeTrackingEvaluation,
      ReadTrackingEvaluations,
      SummarizeTracking,
      TrackingFiles,
    ],
  })
  class ComplianceModule {}
  return ComplianceModule;
}
