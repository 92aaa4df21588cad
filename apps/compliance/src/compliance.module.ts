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
import { ComplianceHandlers } from './compliance.handlers';
import { createPrisma } from './prisma';

export function complianceModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    providers: [
      RecognitionIssuedConsumer,
      ReadRecognitions,
      ExpireDueRecognitions,
      ExpiryScheduler,
      RevokeRecognition,
      ReadApplicantBans,
      ImposeInstitutionBan,
      DisqualifyExpert,
      ReadSanctions,
      ComplianceHandlers,
    ],
  })
  class ComplianceModule {}
  return ComplianceModule;
}
