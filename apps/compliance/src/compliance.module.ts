import { Module } from '@nestjs/common';
import { streamSpecs } from '@firstset/contracts';
import { MessagingModule } from '@firstset/messaging';
import { PRISMA, prismaTransactionRunner, ServiceConfig, ServiceKitModule } from '@firstset/service-kit';
import { RecognitionIssuedConsumer } from './recognitions/recognition-issued.consumer';
import { ReadRecognitions } from './recognitions/read-recognitions';
import { RevokeRecognition } from './revocations/revoke-recognition';
import { ReadApplicantBans } from './bans/read-applicant-bans';
import { ImposeInstitutionBan } from './sanctions/impose-institution-ban';
import { DisqualifyExpert } from './sanctions/disqualify-expert';
import { ReadSanctions } from './sanctions/read-sanctions';
import { ComplianceHandlers } from './compliance.handlers';
import { createPrisma, Db } from './prisma';

export function complianceModule(config: ServiceConfig) {
  @Module({
    imports: [
      ServiceKitModule.forRoot({ config, createPrisma }),
      MessagingModule.forRootAsync({
        inject: [PRISMA],
        useFactory: (prisma: Db) => ({
          serviceName: config.serviceName,
          natsUrl: config.natsUrl,
          namespace: config.natsNamespace,
          dbSchema: config.dbSchema,
          streams: streamSpecs(),
          transactionRunner: prismaTransactionRunner(prisma),
        }),
      }),
    ],
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
