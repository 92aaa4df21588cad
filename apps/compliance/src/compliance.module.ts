import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { RecognitionIssuedConsumer } from './recognitions/recognition-issued.consumer';
import { ReadRecognitions } from './recognitions/read-recognitions';
import { ExpireDueRecognitions } from './recognitions/expire-recognitions';
import { ExpiryScheduler } from './recognitions/expiry-scheduler';
import { RevokeRecognition } from './revocations/revoke-recognition';
import { ReadApplicantBans } from './bans/read-applicant-bans';
import { ImposeInstitutionBan } from './sanctions/impose-institution-ban';
import { DisqualifyExpert } from './sanctions/disqualify-expert';
import { ReadSanctions } from './sanctions/read-sanctions';
import { RecognitionsController } from './recognitions/recognitions.controller';
import { RevocationsController } from './revocations/revocations.controller';
import { BansController } from './bans/bans.controller';
import { SanctionsController } from './sanctions/sanctions.controller';
import { createPrisma } from './prisma';

export function complianceModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    controllers: [RecognitionsController, RevocationsController, BansController, SanctionsController, RecognitionIssuedConsumer],
    providers: [
      ReadRecognitions,
      ExpireDueRecognitions,
      ExpiryScheduler,
      RevokeRecognition,
      ReadApplicantBans,
      ImposeInstitutionBan,
      DisqualifyExpert,
      ReadSanctions,
    ],
  })
  class ComplianceModule {}
  return ComplianceModule;
}
