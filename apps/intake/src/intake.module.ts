import { Module } from '@nestjs/common';
import { platformImports, ServiceConfig } from '@firstset/service-kit';
import { OpenBatch } from './batches/open-batch';
import { ReadBatches } from './batches/read-batches';
import { ReadPolicyProfiles } from './policy/read-policy-profiles';
import { ImportCatalogue, ReadCatalogue } from './catalogues/import-catalogue';
import { ImportEarlierRecognitions, ReadEarlierRecognitions } from './earlier-recognitions/import-earlier-recognitions';
import { RegisterEnterprise } from './enterprises/register-enterprise';
import { CreateApplication } from './applications/create-application';
import { SubmitApplications } from './applications/submit-applications';
import { pgCommandsProvider } from './pg-commands';
import { ReadApplications } from './applications/read-applications';
import { LifecycleProjectionConsumer } from './applications/lifecycle-projection.consumer';
import { ApplicantBansConsumer } from './bans/applicant-bans.consumer';
import { ExtendBatchWindow } from './batches/extend-batch-window';
import { CloseBatchWindow } from './batches/close-batch-window';
import { UpdateDraft } from './applications/update-draft';
import { CheckApplication } from './applications/check-application';
import { ResubmitApplication } from './applications/resubmit-application';
import { WithdrawApplication } from './applications/withdraw-application';
import { CorrectionEventsConsumer } from './applications/correction-events.consumer';
import { ObjectionEventsConsumer } from './applications/objection-events.consumer';
import { RecognitionExpiringConsumer } from './applications/recognition-expiring.consumer';
import { ReadNotifications } from './notifications/read-notifications';
import { AuthorizeUpload } from './materials/authorize-upload';
import { AttachMaterial } from './materials/attach-material';
import { ReadMaterials } from './materials/read-materials';
import { CreditCheckPort, CreditReportEvidence, SimulatedCreditCheck } from './credit/credit-check.port';
import { CreditPlatformAdapter } from './credit/credit-platform.adapter';
import { DeliveryDispatcher } from './notifications/delivery-dispatcher';
import { ReviewerAccessConsumer } from './materials/reviewer-access.consumer';
import { SiteVisitNoticesConsumer } from './notifications/site-visit-notices.consumer';
import { ComplianceNoticesConsumer } from './notifications/compliance-notices.consumer';
import { TrackingNoticesConsumer } from './notifications/tracking-notices.consumer';
import { HttpSmsSender } from './notifications/http-sms-sender';
import { ChannelMessageSender, MessageSender, SimulatedMessageSender } from './notifications/message-sender';
import { SmtpMailSender } from './notifications/smtp-mail-sender';
import { CreditGate } from './credit/credit-gate';
import { EnterpriseProfile } from './enterprises/enterprise-profile';
import { ApplicationsController } from './applications/applications.controller';
import { BatchesController } from './batches/batches.controller';
import { CataloguesController } from './catalogues/catalogues.controller';
import { EarlierRecognitionsController } from './earlier-recognitions/earlier-recognitions.controller';
import { EnterprisesController } from './enterprises/enterprises.controller';
import { MaterialsController } from './materials/materials.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { WorkloadController } from './workload/workload.controller';
import { ReadWorkload } from './workload/read-workload';
import { PolicyController } from './policy/policy.controller';
import { INTAKE_SETTINGS, IntakeSettings, loadIntakeSettings } from './config';
import { createPrisma } from './prisma';

export function intakeModule(config: ServiceConfig, settings: IntakeSettings = loadIntakeSettings()) {
  @Module({
    imports: platformImports(config, createPrisma),
    controllers: [
      BatchesController,
      PolicyController,
      CataloguesController,
      EarlierRecognitionsController,
      EnterprisesController,
      ApplicationsController,
      MaterialsController,
      NotificationsController,
      WorkloadController,
      LifecycleProjectionConsumer,
      ApplicantBansConsumer,
      CorrectionEventsConsumer,
      ObjectionEventsConsumer,
      RecognitionExpiringConsumer,
      ReviewerAccessConsumer,
      SiteVisitNoticesConsumer,
      ComplianceNoticesConsumer,
      TrackingNoticesConsumer,
    ],
    providers: [
      OpenBatch,
      ReadBatches,
      ReadPolicyProfiles,
      ImportCatalogue,
      ReadCatalogue,
      ImportEarlierRecognitions,
      ReadEarlierRecognitions,
      RegisterEnterprise,
      CreateApplication,
      SubmitApplications,
      pgCommandsProvider,
      ReadApplications,
      ExtendBatchWindow,
      CloseBatchWindow,
      UpdateDraft,
      CheckApplication,
      ResubmitApplication,
      WithdrawApplication,
      ReadNotifications,
      ReadWorkload,
      AuthorizeUpload,
      AttachMaterial,
      ReadMaterials,
      EnterpriseProfile,
      { provide: INTAKE_SETTINGS, useValue: settings },
      {
        provide: CreditCheckPort,
        useFactory: () =>
          settings.creditCheck === 'simulator'
            ? new SimulatedCreditCheck(settings.creditSimulator ?? {})
            : settings.creditCheck === 'credit_platform' && settings.creditPlatform
              ? new CreditPlatformAdapter(settings.creditPlatform)
              : new CreditReportEvidence(),
      },
      CreditGate,
      { provide: MessageSender, useFactory: () => messageSender(settings) },
      DeliveryDispatcher,
    ],
  })
  class IntakeModule {}
  return IntakeModule;
}

/** The configured SMS gateway and mail relay; a channel without one goes to the simulator, which keeps and logs what would be sent. */
function messageSender(settings: IntakeSettings): MessageSender {
  if (!settings.sms && !settings.email) return new SimulatedMessageSender();
  const simulator = new SimulatedMessageSender();
  return new ChannelMessageSender({
    sms: settings.sms ? new HttpSmsSender(settings.sms) : simulator,
    email: settings.email ? new SmtpMailSender(settings.email) : simulator,
  });
}
