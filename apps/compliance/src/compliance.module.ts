import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { RecognitionIssuedConsumer } from './recognitions/recognition-issued.consumer';
import { ReadRecognitions } from './recognitions/read-recognitions';
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
