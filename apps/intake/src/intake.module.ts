import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { OpenBatch } from './batches/open-batch';
import { ReadBatches } from './batches/read-batches';
import { RegisterEnterprise } from './enterprises/register-enterprise';
import { CreateApplication } from './applications/create-application';
import { SubmitApplication } from './applications/submit-application';
import { ReadApplications } from './applications/read-applications';
import { LifecycleProjectionConsumer } from './applications/lifecycle-projection.consumer';
import { ApplicantBansConsumer } from './bans/applicant-bans.consumer';
import { IntakeHandlers } from './intake.handlers';
import { createPrisma } from './prisma';

export function intakeModule(config: ServiceConfig) {
  @Module({
    imports: platformImports(config, createPrisma),
    providers: [
      OpenBatch,
      ReadBatches,
      RegisterEnterprise,
      CreateApplication,
      SubmitApplication,
      ReadApplications,
      LifecycleProjectionConsumer,
      ApplicantBansConsumer,
      IntakeHandlers,
    ],
  })
  class IntakeModule {}
  return IntakeModule;
}
